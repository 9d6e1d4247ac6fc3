package io.maskocr.engine.infer;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Test pictures of words: drawn level, or as photographed at a slant. */
public final class WordPictures {
  private WordPictures() {}

  /** {@code word} in a bold sans serif, dark blue on a light sand colour, 40 pixels high. */
  public static BufferedImage level(String word) {
    BufferedImage img = new BufferedImage(20 + 18 * word.length(), 40, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setColor(new Color(235, 225, 200));
      g.fillRect(0, 0, img.getWidth(), img.getHeight());
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(new Color(40, 30, 90));
      g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 28));
      g.drawString(word, 10, 30);
    } finally {
      g.dispose();
    }
    return img;
  }

  /**
   * {@code level} at {@code degrees} (positive: rising to the right) in the upright box that just
   * holds it, the rest filled with the colour of its top-left pixel.
   */
  public static BufferedImage slanted(BufferedImage level, double degrees) {
    double a = Math.toRadians(Math.abs(degrees));
    int w = (int) Math.round(level.getWidth() * Math.cos(a) + level.getHeight() * Math.sin(a));
    int h = (int) Math.round(level.getWidth() * Math.sin(a) + level.getHeight() * Math.cos(a));
    BufferedImage box = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = box.createGraphics();
    try {
      g.setColor(new Color(level.getRGB(0, 0)));
      g.fillRect(0, 0, w, h);
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.translate(w / 2.0, h / 2.0);
      g.rotate(-Math.toRadians(degrees)); // image y runs down: a negative turn lifts the right end
      g.drawImage(level, -level.getWidth() / 2, -level.getHeight() / 2, null);
    } finally {
      g.dispose();
    }
    return box;
  }
}
