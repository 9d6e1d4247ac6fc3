package io.maskocr.app.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.annotate.CheckpointRef;
import io.maskocr.engine.infer.WordPictures;
import io.maskocr.engine.inspect.AttentionInspection;
import io.maskocr.engine.train.StarterModel;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The attention view inspects the picture the queue's reading came from: a slanted word is shown level. */
class InspectorCacheTest {
  @Test
  void aSlantedWordIsInspectedLevel() throws Exception {
    CheckpointRef starter = new CheckpointRef("starter@1", 1, 1, StarterModel.require(), "");
    try (InspectorCache cache = new InspectorCache()) {
      BufferedImage box = WordPictures.slanted(WordPictures.level("parking"), 20);
      AttentionInspection shown = cache.inspect(starter, box, "parking");
      assertEquals("parking", shown.text(), "the picture the queue's reading came from");
      AttentionInspection byRule = cache.inspect(starter, box);
      assertEquals("parking", byRule.text(), "without the queue's reading, the more confident picture");
      AttentionInspection level = cache.inspect(starter, WordPictures.level("parking"));
      assertEquals("parking", level.text());
      assertTrue(shown.confidence() > 0.3, "read deskewed with confidence: " + shown.confidence());
    }
  }
}
