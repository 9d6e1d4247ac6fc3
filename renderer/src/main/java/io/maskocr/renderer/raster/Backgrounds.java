package io.maskocr.renderer.raster;

import io.maskocr.renderer.config.BackgroundKind;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Paints backgrounds into a {@link Planes}: flat, gradient, value-noise texture, image crop,
 * and the procedural photo-like kinds of {@link SceneBackgrounds}.
 */
public final class Backgrounds {
  private Backgrounds() {}

  /**
   * Paints {@code kind} around base colour {@code rgb}. For {@link BackgroundKind#IMAGE} the
   * caller passes a crop source; the other kinds ignore it.
   */
  public static void paint(Planes p, BackgroundKind kind, float[] rgb, SplittableRandom r,
      BackgroundImages images) {
    switch (kind) {
      case FLAT -> p.fill(rgb);
      case GRADIENT -> gradient(p, rgb, r);
      case TEXTURE -> texture(p, rgb, r);
      case IMAGE -> image(p, images.pick(r), r);
      default -> SceneBackgrounds.paint(p, kind, rgb, r);
    }
  }

  private static void gradient(Planes p, float[] rgb, SplittableRandom r) {
    double angle = r.nextDouble() * 2 * Math.PI;
    double ca = StrictMath.cos(angle), sa = StrictMath.sin(angle);
    float[] delta = new float[3];
    double amount = 20 + 50 * r.nextDouble();
    for (int k = 0; k < 3; k++) {
      delta[k] = (float) (amount * (r.nextDouble() - 0.5) * 2);
    }
    double half = 0.5 * (Math.abs(ca) * p.w + Math.abs(sa) * p.h);
    for (int y = 0; y < p.h; y++) {
      for (int x = 0; x < p.w; x++) {
        float t = (float) (((x - p.w / 2.0) * ca + (y - p.h / 2.0) * sa) / (2 * half));
        int i = y * p.w + x;
        for (int k = 0; k < 3; k++) {
          p.c[k][i] = rgb[k] + t * delta[k];
        }
      }
    }
  }

  /** Two-octave value noise on a coarse random lattice, bilinearly interpolated. */
  private static void texture(Planes p, float[] rgb, SplittableRandom r) {
    p.fill(rgb);
    float amount = (float) (15 + 35 * r.nextDouble());
    float[] tint = {1, 1, 1};
    if (r.nextBoolean()) {
      for (int k = 0; k < 3; k++) {
        tint[k] = (float) (0.6 + 0.8 * r.nextDouble());
      }
    }
    int[] cells = {4 + r.nextInt(6), 12 + r.nextInt(16)};
    float[] weights = {0.65f, 0.35f};
    float[] field = new float[p.w * p.h];
    for (int o = 0; o < cells.length; o++) {
      int gx = cells[o] * Math.max(1, p.w / Math.max(1, p.h)) + 1;
      int gy = cells[o] + 1;
      float[] lattice = new float[(gx + 1) * (gy + 1)];
      for (int i = 0; i < lattice.length; i++) {
        lattice[i] = (float) (r.nextDouble() * 2 - 1);
      }
      for (int y = 0; y < p.h; y++) {
        double fy = (double) y / p.h * gy;
        int y0 = (int) fy;
        double ty = smooth(fy - y0);
        for (int x = 0; x < p.w; x++) {
          double fx = (double) x / p.w * gx;
          int x0 = (int) fx;
          double tx = smooth(fx - x0);
          double a = lattice[y0 * (gx + 1) + x0], b = lattice[y0 * (gx + 1) + x0 + 1];
          double c = lattice[(y0 + 1) * (gx + 1) + x0], d = lattice[(y0 + 1) * (gx + 1) + x0 + 1];
          double v = (a + (b - a) * tx) * (1 - ty) + (c + (d - c) * tx) * ty;
          field[y * p.w + x] += (float) (weights[o] * v);
        }
      }
    }
    for (int i = 0; i < field.length; i++) {
      for (int k = 0; k < 3; k++) {
        p.c[k][i] += amount * tint[k] * field[i];
      }
    }
  }

  private static double smooth(double t) {
    return t * t * (3 - 2 * t);
  }

  private static void image(Planes p, BufferedImage src, SplittableRandom r) {
    // crop a region with the output's aspect ratio at a random scale, then resample bilinearly
    double aspect = (double) p.w / p.h;
    double maxW = Math.min(src.getWidth(), src.getHeight() * aspect);
    double cw = maxW * (0.3 + 0.7 * r.nextDouble());
    double ch = cw / aspect;
    double ox = r.nextDouble() * (src.getWidth() - cw);
    double oy = r.nextDouble() * (src.getHeight() - ch);
    for (int y = 0; y < p.h; y++) {
      double sy = oy + (y + 0.5) * ch / p.h - 0.5;
      for (int x = 0; x < p.w; x++) {
        double sx = ox + (x + 0.5) * cw / p.w - 0.5;
        int argb = sampleBilinear(src, sx, sy);
        int i = y * p.w + x;
        p.c[0][i] = (argb >> 16) & 0xff;
        p.c[1][i] = (argb >> 8) & 0xff;
        p.c[2][i] = argb & 0xff;
      }
    }
  }

  private static int sampleBilinear(BufferedImage img, double x, double y) {
    int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
    double tx = x - x0, ty = y - y0;
    int xa = clampI(x0, img.getWidth()), xb = clampI(x0 + 1, img.getWidth());
    int ya = clampI(y0, img.getHeight()), yb = clampI(y0 + 1, img.getHeight());
    int a = img.getRGB(xa, ya), b = img.getRGB(xb, ya), c = img.getRGB(xa, yb), d = img.getRGB(xb, yb);
    int out = 0;
    for (int shift = 0; shift <= 16; shift += 8) {
      double va = (a >> shift) & 0xff, vb = (b >> shift) & 0xff, vc = (c >> shift) & 0xff, vd = (d >> shift) & 0xff;
      double v = (va + (vb - va) * tx) * (1 - ty) + (vc + (vd - vc) * tx) * ty;
      out |= ((int) Math.round(v) & 0xff) << shift;
    }
    return out;
  }

  private static int clampI(int v, int n) {
    return v < 0 ? 0 : Math.min(n - 1, v);
  }
}
