package io.maskocr.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConvStemTest {

  private static ModelConfig conv() {
    return conv("conv");
  }

  private static ModelConfig conv(String stem) {
    Map<String, Object> o = new HashMap<>(Map.of(
        "imageWidth", 32, "width", 32, "depth", 2, "heads", 2, "decoderDepth", 1,
        "decoderHeads", 2, "mimWidth", 16, "mimDepth", 1, "mimHeads", 2, "maxLength", 6));
    o.put("stem", stem);
    return ModelPresets.get("tiny", o);
  }

  @ParameterizedTest
  @ValueSource(strings = {"conv", "conv-strided"})
  void recognitionKeepsOneTokenPerPatch(String stem) {
    ModelConfig c = conv(stem);
    CharacterSet cs = CharacterSet.latin36();
    try (MaskOcrModel m = MaskOcrModel.create(c, cs); NDManager s = m.manager().newSubManager()) {
      NDArray patches = s.randomNormal(new Shape(2, c.patchCount(), c.patchSize()));
      NDList out = m.recognize(m.newParameterStore(), patches, false);
      assertEquals(new Shape(2, c.queryCount(), cs.vocabularySize()), out.get(0).getShape());
      assertEquals(new Shape(2, c.queryCount(), c.patchCount()), out.get(1).getShape());
      assertTrue(m.parameters().stream().anyMatch(p -> p.name().contains("stem")));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"conv", "conv-strided"})
  void visibleTokensNeverSeeHiddenPixels(String stem) {
    ModelConfig c = conv(stem);
    int n = c.patchCount();
    int nv = n / 2;
    try (MaskOcrModel m = MaskOcrModel.create(c, CharacterSet.latin36());
        NDManager s = m.manager().newSubManager()) {
      ParameterStore ps = m.newParameterStore();
      float[] sel = new float[nv * n];
      for (int i = 0; i < nv; i++) {
        sel[i * n + 2 * i] = 1f; // even patches visible, odd ones hidden
      }
      NDArray select = s.create(sel, new Shape(1, nv, n));
      NDArray image = s.randomNormal(new Shape(1, n, c.patchSize()));
      float[] hiddenOnly = new float[n * c.patchSize()];
      for (int i = 1; i < n; i += 2) {
        java.util.Arrays.fill(hiddenOnly, i * c.patchSize(), (i + 1) * c.patchSize(), 5f);
      }
      NDArray changed = image.add(s.create(hiddenOnly, image.getShape()));
      // The MIM stage hands the encoder select x image, the visible patches only.
      float[] a = m.encodeVisible(ps, select.matMul(image), select, false).toFloatArray();
      float[] b = m.encodeVisible(ps, select.matMul(changed), select, false).toFloatArray();
      assertArrayEquals(a, b, 0f, "hidden pixels reached a visible token");
      assertEquals(nv * c.width(), a.length);
    }
  }

  @Test
  void refusesPatchShapesItCannotPool() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ModelPresets.get("tiny", Map.of("patchWidth", 8, "stem", "conv")));
    assertTrue(e.getMessage().contains("stem linear"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> ModelPresets.get("tiny", Map.of("stem", "cnn")));
  }

  @Test
  void flopsCountTheStem() {
    ModelConfig lin = TestModels.micro();
    assertTrue(FlopCounter.recognitionForward(conv(), 37) > FlopCounter.recognitionForward(lin, 37));
  }

  @Test
  void stridedStemCostsLessThanFullResolution() {
    double full = ConvStem.forwardFlops(conv("conv"));
    double strided = ConvStem.forwardFlops(conv("conv-strided"));
    assertTrue(strided < full, strided + " >= " + full);
    assertTrue(strided > 0.5 * full, "the strided stem keeps the later layers: " + strided);
  }
}
