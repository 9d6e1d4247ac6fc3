package io.maskocr.engine.pretrain;

import static io.maskocr.engine.pretrain.PretrainFixtures.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.train.MaskSpec;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.TrainingEvent;
import io.maskocr.engine.train.TrainingOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** milm trains the decoder on masked characters with the encoder frozen. */
class MilmStageTest {

  @Test
  void milmTrainsTheDecoderAndLeavesTheFrozenEncoderBitIdentical(@TempDir Path dir) throws Exception {
    Recipe r = recipe(stage("milm", 30, 3e-3, new MaskSpec("character", 0.3), Map.of("maskedWeight", 3.0), real()));
    List<TrainingEvent> events = trainFromCheckpointZero(r, dir);
    assertLossFalls(events, "milm");
    assertTrue(identical(weights(dir, 0, "encoder."), weights(dir, 30, "encoder.")), "encoder changed in milm");
    assertFalse(identical(weights(dir, 0, "decoder."), weights(dir, 30, "decoder.")), "decoder did not learn");
    assertTrue(events.stream().anyMatch(e -> e instanceof TrainingEvent.AttentionSnapshot), "no milm snapshot");
  }

  @Test
  void milmReadsSyntheticWordsWithCharacterBoxes(@TempDir Path dir) throws Exception {
    Recipe r = recipe(stage("milm", 3, 1e-3, new MaskSpec("character", 0.5), Map.of(), synthetic()));
    TrainingEvent end = train(r, dir, TrainingOptions.unlimited());
    assertInstanceOf(TrainingEvent.Finished.class, end, String.valueOf(end));
  }
}
