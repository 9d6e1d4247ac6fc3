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
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** dptr trains the decoder from text alone. */
class DptrStageTest {

  private static void assertLossFalls(List<TrainingEvent> events, String type) {
    double[] l = losses(events, type);
    assertTrue(l.length >= 10, "too few metrics for " + type + ": " + l.length);
    double first = mean(l, 0, 3);
    double last = mean(l, l.length - 3, l.length);
    assertTrue(last < 0.9 * first, type + " loss did not fall: first " + first + " last " + last);
  }

  @Test
  void dptrTrainsTheDecoderFromTextAloneWithTheEncoderFrozen(@TempDir Path dir) throws Exception {
    Recipe r = recipe(stage("dptr", 30, 3e-3, null, Map.of("orpScale", 0.1, "backgrounds", 8.0), real()));
    assertInstanceOf(TrainingEvent.Finished.class, train(r, dir, new TrainingOptions(0, 0)));
    List<TrainingEvent> events = new CopyOnWriteArrayList<>();
    TrainingEvent end = train(r, dir, TrainingOptions.unlimited(), events);
    assertInstanceOf(TrainingEvent.Finished.class, end, String.valueOf(end));
    assertLossFalls(events, "dptr");
    assertTrue(identical(weights(dir, 0, "encoder."), weights(dir, 30, "encoder.")), "encoder changed in dptr");
  }
}
