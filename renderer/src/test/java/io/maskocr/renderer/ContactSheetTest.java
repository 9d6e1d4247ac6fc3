package io.maskocr.renderer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.renderer.config.StyleConfig;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Writes target/contact-sheet.png (styled image, boxes, clean target) for a person to look at. */
class ContactSheetTest {
  @Test
  void writesAContactSheetOfDefaultSamples() throws Exception {
    SampleRenderer r = new SampleRenderer(StyleConfig.defaults(), TestAssets.get(), 128, 32, 7);
    int rows = 24;
    BufferedImage sheet = new BufferedImage(3 * 4 * 128 + 8, rows * 4 * 34, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    g.setColor(Color.DARK_GRAY);
    g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
    for (int i = 0; i < rows; i++) {
      RenderedSample s = r.render(i);
      int y = i * 4 * 34;
      g.drawImage(s.image(), 0, y, 4 * 128, 4 * 32, null);
      g.drawImage(s.image(), 4 * 128 + 4, y, 4 * 128, 4 * 32, null);
      g.setColor(Color.RED);
      for (CharBox b : s.boxes()) {
        g.drawRect(4 * 128 + 4 + (int) (4 * b.x0()), y + (int) (4 * b.y0()),
            (int) (4 * b.width()), (int) (4 * b.height()));
      }
      g.drawImage(s.cleanTarget(), 8 * 128 + 8, y, 4 * 128, 4 * 32, null);
    }
    g.dispose();
    Path out = Path.of("target", "contact-sheet.png");
    Files.createDirectories(out.getParent());
    ImageIO.write(sheet, "png", out.toFile());
    assertTrue(Files.size(out) > 0);
  }
}
