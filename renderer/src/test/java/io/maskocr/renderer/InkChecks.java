package io.maskocr.renderer;

import java.awt.image.BufferedImage;
import java.util.List;

/** Pixel helpers shared by the box and clean-target tests. */
final class InkChecks {
  private InkChecks() {}

  /** |luminance(pixel) - luminance(background)| in 0..1 for every pixel of a flat-background image. */
  static float[][] inkOnFlat(BufferedImage img, int bgRgb) {
    double bg = lum(bgRgb);
    float[][] out = new float[img.getHeight()][img.getWidth()];
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        out[y][x] = (float) Math.abs(lum(img.getRGB(x, y)) - bg);
      }
    }
    return out;
  }

  /** 1 where the clean target is black. */
  static float[][] cleanInk(BufferedImage clean) {
    float[][] out = new float[clean.getHeight()][clean.getWidth()];
    for (int y = 0; y < clean.getHeight(); y++) {
      for (int x = 0; x < clean.getWidth(); x++) {
        out[y][x] = (clean.getRaster().getSample(x, y, 0) < 128) ? 1 : 0;
      }
    }
    return out;
  }

  static double lum(int rgb) {
    return (0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff)) / 255.0;
  }

  /** Largest ink value among pixels whose area overlaps the box. */
  static float maxInkIn(float[][] ink, CharBox b) {
    float m = 0;
    for (int y = Math.max(0, (int) Math.floor(b.y0())); y < Math.min(ink.length, Math.ceil(b.y1())); y++) {
      for (int x = Math.max(0, (int) Math.floor(b.x0())); x < Math.min(ink[0].length, Math.ceil(b.x1())); x++) {
        m = Math.max(m, ink[y][x]);
      }
    }
    return m;
  }

  /** Largest ink value among pixels lying entirely outside every box grown by {@code margin}. */
  static float maxInkOutside(float[][] ink, List<CharBox> boxes, double margin) {
    float m = 0;
    for (int y = 0; y < ink.length; y++) {
      for (int x = 0; x < ink[0].length; x++) {
        boolean inside = false;
        for (CharBox b : boxes) {
          if (b.ink() && x + 1 > b.x0() - margin && x < b.x1() + margin
              && y + 1 > b.y0() - margin && y < b.y1() + margin) {
            inside = true;
            break;
          }
        }
        if (!inside) {
          m = Math.max(m, ink[y][x]);
        }
      }
    }
    return m;
  }
}
