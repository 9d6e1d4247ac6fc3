package io.maskocr.engine.pretrain;

import static io.maskocr.engine.pretrain.PretrainFixtures.*;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.TrainingEvent;
import io.maskocr.engine.train.TrainingOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** odm trains the encoder to draw the clean target. */
class OdmStageTest {

  @Test
  void odmLearnsTheCleanTargetAndTrainsTheEncoder(@TempDir Path dir) throws Exception {
    Recipe r = recipe(stage("odm", 25, 3e-3, null, Map.of("controlMin", 0.1, "controlMax", 0.3), synthetic()));
    List<TrainingEvent> events = trainFromCheckpointZero(r, dir);
    assertLossFalls(events, "odm");
    assertFalse(identical(weights(dir, 0, "encoder."), weights(dir, 25, "encoder.")), "odm must train the encoder");
    assertTrue(events.stream().anyMatch(e -> e instanceof TrainingEvent.Reconstruction), "no odm snapshot");
  }

  @Test
  void unknownStageParamsAreRefusedByName(@TempDir Path dir) throws Exception {
    Recipe r = recipe(stage("odm", 2, 1e-3, null, Map.of("dropRate", 0.2), synthetic()));
    TrainingEvent.Failed f = assertInstanceOf(TrainingEvent.Failed.class, train(r, dir, TrainingOptions.unlimited()));
    assertTrue(f.reason().contains("dropRate") && f.reason().contains("controlMin"), f.reason());
  }
}
