package io.maskocr.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Half-float weights: exact where half floats are exact, within half an ulp elsewhere. */
class HalfFloatTest {
  @Test
  void representableValuesRoundTripExactly() {
    for (float f : new float[] {0f, -0f, 1f, -2f, 0.5f, 65504f, 6.1035156e-5f, 5.9604645e-8f, 1000.5f}) {
      assertEquals(f, HalfFloat.toFloat(HalfFloat.fromFloat(f)), 0f, "value " + f);
    }
    assertEquals(Float.POSITIVE_INFINITY, HalfFloat.toFloat(HalfFloat.fromFloat(1e6f)));
    assertTrue(Float.isNaN(HalfFloat.toFloat(HalfFloat.fromFloat(Float.NaN))));
    assertEquals(0f, HalfFloat.toFloat(HalfFloat.fromFloat(1e-10f)), 0f);
  }

  @Test
  void weightSizedValuesStayWithinTheStatedTolerance() {
    SplittableRandom rnd = new SplittableRandom(3);
    for (int i = 0; i < 100_000; i++) {
      float f = (float) (rnd.nextGaussian() * 0.2);
      float back = HalfFloat.toFloat(HalfFloat.fromFloat(f));
      // 11 significant bits: relative error <= 2^-11 for normal halves, absolute 2^-25 below them
      assertTrue(Math.abs(back - f) <= Math.max(Math.abs(f) * 0x1p-11f, 0x1p-25f), f + " -> " + back);
    }
  }

  @Test
  void aHalfFloatTensorFileReadsBackAsFloats(@TempDir Path dir) throws Exception {
    Map<String, Tensor> t = new LinkedHashMap<>();
    t.put("w", new Tensor(new long[] {2, 3}, new float[] {0.1f, -0.25f, 3f, 1e-3f, 0f, 7.5f}));
    Path file = dir.resolve("w.bin");
    TensorFile.write(file, t, true);
    Tensor back = TensorFile.read(file).get("w");
    assertEquals(2, back.shape()[0]);
    for (int i = 0; i < 6; i++) {
      assertEquals(t.get("w").data()[i], back.data()[i], Math.abs(t.get("w").data()[i]) * 0x1p-11f);
    }
  }
}
