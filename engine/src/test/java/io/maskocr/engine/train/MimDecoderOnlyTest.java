package io.maskocr.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.maskocr.engine.data.Sample;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.Tensor;
import io.maskocr.engine.model.TensorFile;
import io.maskocr.engine.model.TestModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A MIM stage with {@code freezeEncoder}: the MIM decoder learns, the recognizer stays bit for bit. */
class MimDecoderOnlyTest {
  @Test
  void onlyTheMimDecoderChanges(@TempDir Path tmp) throws Exception {
    ModelConfig c = TestModels.micro();
    List<Sample> data = GlyphData.samples(c, TrainingServiceTest.WORDS);
    Path base = tmp.resolve("base");
    assertInstanceOf(TrainingEvent.Finished.class, TrainingServiceTest.train(
        TrainingServiceTest.recipe(c, 0, 10, 3e-3), base, data, TrainingOptions.unlimited(), new ArrayList<>()));
    Recipe r = TrainingServiceTest.recipe(c, 0, 10, 3e-3);
    StageConfig mim = new StageConfig("mim", 10, 8, 1e-3, null, 2, null, null, null,
        new MaskSpec("random", 0.5), List.of(GlyphData.spec()), Map.of("freezeEncoder", 1.0));
    Path after = tmp.resolve("after");
    assertInstanceOf(TrainingEvent.Finished.class, TrainingServiceTest.train(
        r.withStages(List.of(mim)).withInit(Checkpoints.resolve(base).toString()), after, data,
        TrainingOptions.unlimited(), new ArrayList<>()));
    Map<String, Tensor> before = TensorFile.read(Checkpoints.resolve(base).resolve("weights.bin"));
    Map<String, Tensor> now = TensorFile.read(Checkpoints.resolve(after).resolve("weights.bin"));
    boolean mimChanged = false;
    for (String name : before.keySet()) {
      boolean same = Arrays.equals(before.get(name).data(), now.get(name).data());
      if (name.startsWith("mim")) {
        mimChanged |= !same;
      } else {
        assertArrayEquals(before.get(name).data(), now.get(name).data(), 0f, name + " must not change");
      }
    }
    assertFalse(!mimChanged, "the MIM decoder learned");
  }
}
