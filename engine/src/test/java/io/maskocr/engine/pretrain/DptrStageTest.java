package io.maskocr.engine.pretrain;

import static io.maskocr.engine.pretrain.PretrainFixtures.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.train.Recipe;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dptr trains the decoder from text alone. */
class DptrStageTest {

  @Test
  void dptrTrainsTheDecoderFromTextAloneWithTheEncoderFrozen(@TempDir Path dir) throws Exception {
    Recipe r = recipe(stage("dptr", 30, 3e-3, null, Map.of("orpScale", 0.1, "backgrounds", 8.0), real()));
    assertLossFalls(trainFromCheckpointZero(r, dir), "dptr");
    assertTrue(identical(weights(dir, 0, "encoder."), weights(dir, 30, "encoder.")), "encoder changed in dptr");
    // the feature merge unit trained with the decoder is kept beside the model
    assertFalse(identical(weights(dir, 0, DptrStage.FMU_FILE + ".tensors", "aux.fmu."),
        weights(dir, 30, DptrStage.FMU_FILE + ".tensors", "aux.fmu.")), "the checkpoint must keep the trained FMU");
  }
}
