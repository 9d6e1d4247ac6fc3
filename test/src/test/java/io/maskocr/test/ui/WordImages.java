package io.maskocr.test.ui;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;

/** Writes small word images (like scene-text crops) named {@code <word>.png} into a folder. */
final class WordImages {
  private WordImages() {}

  static final List<String> WORDS = List.of(
      "coffee", "OPEN", "Station", "exit", "PARKING", "menu", "Hotel", "bakery", "STOP", "sale",
      "Market", "pizza", "BOOKS", "garden", "taxi", "Museum", "bridge", "LOBBY", "pharmacy",
      "street", "CINEMA", "north", "Bank", "ticket", "library", "POST", "river", "Avenue",
      "fresh", "GATE", "welcome", "cafe", "SCHOOL", "bus", "Theatre", "entrance", "PUSH",
      "market", "Square", "night", "HOSPITAL", "tea", "Platform", "dinner", "EXIT", "studio");

  /** Writes one PNG per word; returns the folder. Deterministic for a seed. */
  static Path write(Path dir, List<String> words, long seed) throws IOException {
    Files.createDirectories(dir);
    Random rnd = new Random(seed);
    String[] families = {Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED};
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      Font font = new Font(families[rnd.nextInt(families.length)],
          rnd.nextBoolean() ? Font.BOLD : Font.PLAIN, 26 + rnd.nextInt(10));
      BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
      Graphics2D pg = probe.createGraphics();
      FontMetrics fm = pg.getFontMetrics(font);
      int w = fm.stringWidth(word) + 16;
      int h = fm.getAscent() + fm.getDescent() + 10;
      pg.dispose();
      BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = img.createGraphics();
      float hue = rnd.nextFloat();
      boolean dark = rnd.nextBoolean();
      g.setColor(Color.getHSBColor(hue, 0.25f + rnd.nextFloat() * 0.4f, dark ? 0.25f : 0.92f));
      g.fillRect(0, 0, w, h);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(dark ? new Color(245, 240, 220) : Color.getHSBColor(hue + 0.5f, 0.7f, 0.2f));
      g.setFont(font);
      g.drawString(word, 8, 5 + fm.getAscent());
      g.dispose();
      ImageIO.write(img, "png", dir.resolve(word + ".png").toFile());
    }
    return dir;
  }
}
