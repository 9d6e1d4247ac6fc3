package io.maskocr.engine.annotate;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Font-free "meter readings" for the annotation benchmark: each digit is a fixed random 8x20
 * bitmap in its own 8-pixel cell, drawn with a random contrast and buried in Gaussian noise of
 * a random strength. A small model learns to read the clean ones in a few hundred steps on a
 * busy CPU, and the noise makes some images hard: the errors an annotator should find.
 */
final class GlyphNumbers {
  static final int WIDTH = 128;
  static final int HEIGHT = 32;
  private static final int CELL = 8;
  private static final int TOP = 6;
  private static final int ROWS = 20;
  private static final boolean[][][] GLYPHS = new boolean[10][ROWS][CELL];

  static {
    for (int d = 0; d < 10; d++) {
      Random r = new Random(1000 + d); // the same shapes in every run
      for (int y = 0; y < ROWS; y++) {
        for (int x = 0; x < CELL; x++) {
          GLYPHS[d][y][x] = r.nextBoolean();
        }
      }
    }
  }

  private GlyphNumbers() {}

  /** Draws {@code digits} (up to 15) with contrast and noise drawn from {@code rnd}. */
  static BufferedImage draw(String digits, SplittableRandom rnd) {
    BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster r = img.getRaster();
    double background = 150 + 105 * rnd.nextDouble();
    double contrast = 40 + 110 * rnd.nextDouble();
    double noise = 90 * rnd.nextDouble() * rnd.nextDouble(); // mostly mild, sometimes heavy
    int left = CELL / 2;
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        double v = background;
        int cell = (x - left) / CELL;
        int gy = y - TOP;
        if (x >= left && cell < digits.length() && gy >= 0 && gy < ROWS
            && GLYPHS[digits.charAt(cell) - '0'][gy][(x - left) % CELL]) {
          v -= contrast;
        }
        v += noise * gaussian(rnd);
        r.setSample(x, y, 0, (int) Math.max(0, Math.min(255, Math.round(v))));
      }
    }
    return img;
  }

  private static double gaussian(SplittableRandom rnd) {
    double u = Math.max(1e-12, rnd.nextDouble());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
  }
}
