package io.maskocr.renderer.raster;

import java.util.SplittableRandom;

/**
 * Partial occlusion of a word, mild by construction: a pole or a blob covers at most about a
 * third of one outer character, a wire at most a seventh of the text height. Shapes are
 * anti-aliased by their (approximate) pixel coverage.
 */
public final class Occluder {
  private Occluder() {}

  /**
   * Paints one occluder of size {@code size} (in text heights).
   *
   * @param word ink bounds of the word {x0, x1, y0, y1} in pixels
   * @param first box of the first character with ink {x0, x1, y0, y1}
   * @param last box of the last character with ink {x0, x1, y0, y1}
   * @param backgroundLuminance 0..1, so the occluder stands out from the background
   */
  public static void paint(Planes p, double size, double[] word, double[] first, double[] last,
      double backgroundLuminance, SplittableRandom r) {
    double textH = Math.max(2, word[3] - word[2]);
    int shape = r.nextInt(10); // 0-4 pole, 5-7 blob, 8-9 wire
    boolean left = r.nextBoolean();
    double[] ch = left ? first : last;
    double chW = Math.max(1, ch[1] - ch[0]);
    double lum = backgroundLuminance > 0.5 ? 0.05 + 0.3 * r.nextDouble() : 0.55 + 0.4 * r.nextDouble();
    float[] rgb = Palette.withLuminance(lum, r.nextDouble() < 0.4, r);
    double shadeAmount = 0.25 * r.nextDouble();
    if (shape <= 4) {
      double width = Math.max(1.5, size * textH);
      double reach = 0.35 * r.nextDouble() * chW; // how far into the character
      double inner = left ? ch[0] + reach : ch[1] - reach;
      double x0 = left ? inner - width : inner;
      double slope = (r.nextDouble() - 0.5) * 0.3;
      double cy = p.h / 2.0;
      for (int y = 0; y < p.h; y++) {
        double off = slope * (y - cy);
        double a = x0 + off, b = x0 + width + off;
        int from = Math.max(0, (int) Math.floor(a)), to = Math.min(p.w - 1, (int) Math.ceil(b));
        for (int x = from; x <= to; x++) {
          double cov = clamp01(Math.min(x + 1 - a, b - x));
          cov = Math.min(cov, clamp01(b - a));
          // a round pole is lit on one side
          double u = (x + 0.5 - a) / Math.max(1e-6, b - a);
          blend(p, y * p.w + x, rgb, (float) cov, (float) (1 - shadeAmount * Math.abs(2 * u - 1)));
        }
      }
    } else if (shape <= 7) {
      double radius = Math.max(1.5, size * textH * 0.7);
      double reach = 0.3 * r.nextDouble() * chW;
      double cx = left ? ch[0] + reach - radius : ch[1] - reach + radius;
      double cy = r.nextBoolean() ? ch[2] + 0.2 * r.nextDouble() * textH : ch[3] - 0.2 * r.nextDouble() * textH;
      double squash = 0.7 + 0.6 * r.nextDouble();
      int x0 = Math.max(0, (int) Math.floor(cx - radius - 1)), x1 = Math.min(p.w - 1, (int) Math.ceil(cx + radius + 1));
      double ry = radius * squash;
      int y0 = Math.max(0, (int) Math.floor(cy - ry - 1)), y1 = Math.min(p.h - 1, (int) Math.ceil(cy + ry + 1));
      for (int y = y0; y <= y1; y++) {
        for (int x = x0; x <= x1; x++) {
          double dx = (x + 0.5 - cx) / radius, dy = (y + 0.5 - cy) / ry;
          double d = Math.sqrt(dx * dx + dy * dy);
          double cov = clamp01((1 - d) * radius + 0.5);
          if (cov > 0) {
            blend(p, y * p.w + x, rgb, (float) cov, (float) (1 - shadeAmount * d));
          }
        }
      }
    } else {
      double thick = Math.max(1, Math.min(0.14 * textH, size * textH * 0.3));
      double y0 = word[2] + (word[3] - word[2]) * r.nextDouble();
      double slope = (r.nextDouble() - 0.5) * 0.2;
      for (int x = 0; x < p.w; x++) {
        double a = y0 + slope * (x - p.w / 2.0) - thick / 2, b = a + thick;
        int from = Math.max(0, (int) Math.floor(a)), to = Math.min(p.h - 1, (int) Math.ceil(b));
        for (int y = from; y <= to; y++) {
          double cov = Math.min(clamp01(Math.min(y + 1 - a, b - y)), clamp01(b - a));
          blend(p, y * p.w + x, rgb, (float) cov, 1f);
        }
      }
    }
  }

  private static double clamp01(double v) {
    return v < 0 ? 0 : Math.min(1, v);
  }

  private static void blend(Planes p, int i, float[] rgb, float a, float gain) {
    if (a <= 0) {
      return;
    }
    for (int k = 0; k < 3; k++) {
      p.c[k][i] += (rgb[k] * gain - p.c[k][i]) * a;
    }
  }
}
