package io.maskocr.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaveLoadTest {
  @Test
  void reloadedWeightsGiveIdenticalOutputs(@TempDir Path dir) throws Exception {
    ModelConfig c = TestModels.micro();
    float[] input = new float[2 * c.patchCount() * c.patchSize()];
    for (int i = 0; i < input.length; i++) {
      input[i] = (float) Math.sin(i * 0.37);
    }
    float[] before;
    try (MaskOcrModel a = MaskOcrModel.create(c, CharacterSet.latin36());
        NDManager s = a.manager().newSubManager()) {
      before = a.recognize(a.newParameterStore(), s.create(input, new Shape(2, c.patchCount(), c.patchSize())), false)
          .get(0).toFloatArray();
      a.saveWeights(dir.resolve("w.bin"));
    }
    try (MaskOcrModel b = MaskOcrModel.create(c, CharacterSet.latin36());
        NDManager s = b.manager().newSubManager()) {
      b.loadWeights(TensorFile.read(dir.resolve("w.bin")), EnumSet.allOf(ModelPart.class));
      float[] after = b.recognize(b.newParameterStore(), s.create(input, new Shape(2, c.patchCount(), c.patchSize())), false)
          .get(0).toFloatArray();
      assertArrayEquals(before, after, 0f);
    }
  }

  @Test
  void aTruncatedFileIsReportedAsSuch(@TempDir Path dir) throws Exception {
    try (MaskOcrModel a = MaskOcrModel.create(TestModels.micro(), CharacterSet.latin36())) {
      a.saveWeights(dir.resolve("w.bin"));
    }
    byte[] all = Files.readAllBytes(dir.resolve("w.bin"));
    Files.write(dir.resolve("cut.bin"), java.util.Arrays.copyOf(all, all.length / 2));
    java.io.IOException e = assertThrows(java.io.IOException.class, () -> TensorFile.read(dir.resolve("cut.bin")));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
  }
}
