package io.maskocr.engine.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.maskocr.engine.train.StarterModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lanes read what one recognizer reads, in the input's order, however the batches interleave. */
class RecognizerLanesTest {
  @Test
  void twoLanesReadAsOneRecognizerInInputOrder() throws Exception {
    Path starter = StarterModel.require();
    try (Recognizer one = Recognizer.load(starter); RecognizerLanes lanes = RecognizerLanes.load(starter, 2)) {
      // three batches and a part: lanes finish out of order; the last batch is short
      List<float[]> crops = RandomCrops.of(one.config().pixelCount(), Recognizer.BATCH * 3 + 5, 5);
      List<Prediction> expected = one.predict(crops);
      List<Prediction> got = lanes.predict(crops);
      assertEquals(expected.size(), got.size());
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(expected.get(i).text(), got.get(i).text(), "crop " + i);
        assertEquals(expected.get(i).confidence(), got.get(i).confidence(), 1e-5, "crop " + i);
      }
      assertEquals(one.checkpointId(), lanes.first().checkpointId());
    }
  }

  @Test
  void aBadCropFailsTheCallWithTheRecognizersMessage() throws Exception {
    try (RecognizerLanes lanes = RecognizerLanes.load(StarterModel.require(), 2)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> lanes.predict(List.of(new float[7])));
      assertEquals(true, e.getMessage().contains("has 7 values"), e.getMessage());
    }
  }

}
