package io.maskocr.app.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.annotate.CheckpointRef;
import io.maskocr.engine.inspect.AttentionInspection;
import io.maskocr.engine.train.StarterModel;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** The attention view inspects the picture the queue's reading came from: a slanted word is shown level. */
class InspectorCacheTest {
  private static BufferedImage word(String text) {
    BufferedImage img = new BufferedImage(20 + 18 * text.length(), 40, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(235, 225, 200));
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(new Color(40, 30, 90));
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
    g.drawString(text, 10, 30);
    g.dispose();
    return img;
  }

  /** {@code level} at {@code degrees} (rising to the right) in the upright box that just holds it. */
  static BufferedImage slanted(BufferedImage level, double degrees) {
    double a = Math.toRadians(degrees);
    int w = (int) Math.round(level.getWidth() * Math.cos(a) + level.getHeight() * Math.sin(a));
    int h = (int) Math.round(level.getWidth() * Math.sin(a) + level.getHeight() * Math.cos(a));
    BufferedImage box = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = box.createGraphics();
    g.setColor(new Color(level.getRGB(0, 0)));
    g.fillRect(0, 0, w, h);
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.translate(w / 2.0, h / 2.0);
    g.rotate(-a);
    g.drawImage(level, -level.getWidth() / 2, -level.getHeight() / 2, null);
    g.dispose();
    return box;
  }

  @Test
  void aSlantedWordIsInspectedLevel() throws Exception {
    CheckpointRef starter = new CheckpointRef("starter@1", 1, 1, StarterModel.require(), "");
    try (InspectorCache cache = new InspectorCache()) {
      BufferedImage box = slanted(word("parking"), 20);
      AttentionInspection shown = cache.inspect(starter, box, "parking");
      assertEquals("parking", shown.text(), "the picture the queue's reading came from");
      AttentionInspection byRule = cache.inspect(starter, box);
      assertEquals("parking", byRule.text(), "without the queue's reading, the more confident picture");
      AttentionInspection level = cache.inspect(starter, word("parking"));
      assertEquals("parking", level.text());
      assertTrue(shown.confidence() > 0.3, "read deskewed with confidence: " + shown.confidence());
    }
  }
}
