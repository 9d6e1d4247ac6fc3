package io.maskocr.renderer.raster;

import java.util.SplittableRandom;

/**
 * Uneven light over a whole crop: a smooth illumination field (linear falloff, vignette or an
 * off-centre hot spot) and cast-shadow bands, both multiplied into every channel, so text and
 * background darken together as they do under real light. Only square roots per pixel (exact
 * in IEEE arithmetic), so results do not depend on the JIT.
 */
public final class Lighting {
  private Lighting() {}

  /**
   * Multiplies a smooth illumination field whose darkest point is {@code 1 - strength} (0..0.9):
   * a linear falloff at a random angle, a vignette around a random centre, or a bright spot
   * with darker surroundings.
   */
  public static void shade(Planes p, double strength, SplittableRandom r) {
    int kind = r.nextInt(3);
    double angle = r.nextDouble() * 2 * Math.PI;
    double ca = StrictMath.cos(angle), sa = StrictMath.sin(angle);
    double cx = p.w * (0.1 + 0.8 * r.nextDouble()), cy = p.h * (r.nextDouble() * 1.4 - 0.2);
    double radius = Math.hypot(p.w, p.h) * (0.45 + 0.5 * r.nextDouble());
    boolean soft = r.nextBoolean();
    float[] tint = warmOrCool(r);
    float s = (float) strength;
    double half = 0.5 * (Math.abs(ca) * p.w + Math.abs(sa) * p.h);
    for (int y = 0; y < p.h; y++) {
      for (int x = 0; x < p.w; x++) {
        double f; // 0 = fully lit, 1 = darkest
        if (kind == 0) {
          f = 0.5 + ((x - p.w / 2.0) * ca + (y - p.h / 2.0) * sa) / (2 * half);
        } else {
          double dx = x - cx, dy = (y - cy) * 2.5; // crops are wide: keep the spot roundish
          f = Math.min(1, Math.sqrt(dx * dx + dy * dy) / radius);
          if (kind == 2) {
            f = f * f;
          }
        }
        f = Math.max(0, Math.min(1, f));
        if (soft) {
          f = f * f * (3 - 2 * f); // smoothstep: a wider lit area with a softer edge
        }
        multiply(p, y * p.w + x, 1 - s * (float) f, tint, (float) f);
      }
    }
  }

  /**
   * A shadow cast across part of the crop: the region beyond a soft-edged line (or a band
   * between two lines) is darkened by {@code darkness} (0..0.9), slightly bluish as shade is.
   */
  public static void castShadow(Planes p, double darkness, SplittableRandom r) {
    // lines mostly steep (poles, edges of awnings seen across a word) or shallow (ledges)
    double angle = r.nextBoolean()
        ? Math.PI / 2 + (r.nextDouble() - 0.5) * 1.2
        : (r.nextDouble() - 0.5) * 0.8;
    double nx = StrictMath.cos(angle), ny = StrictMath.sin(angle);
    double px = p.w * (0.15 + 0.7 * r.nextDouble()), py = p.h * (0.2 + 0.6 * r.nextDouble());
    boolean band = r.nextDouble() < 0.5;
    double bandWidth = p.h * (0.3 + 1.2 * r.nextDouble());
    double soft = 0.5 + p.h * 0.25 * r.nextDouble();
    float d = (float) darkness;
    float[] tint = {0.92f, 0.97f, 1.06f};
    for (int y = 0; y < p.h; y++) {
      for (int x = 0; x < p.w; x++) {
        double t = (x - px) * nx + (y - py) * ny;
        double a = ramp(t, soft);
        if (band) {
          a = Math.min(a, ramp(bandWidth - t, soft));
        }
        if (a > 0) {
          multiply(p, y * p.w + x, 1 - d * (float) a, tint, (float) a);
        }
      }
    }
  }

  /** 0 below -soft/2, 1 above soft/2, smooth in between. */
  private static double ramp(double t, double soft) {
    double u = t / soft + 0.5;
    if (u <= 0) {
      return 0;
    }
    if (u >= 1) {
      return 1;
    }
    return u * u * (3 - 2 * u);
  }

  private static float[] warmOrCool(SplittableRandom r) {
    double k = (r.nextDouble() - 0.5) * 0.12;
    return new float[] {(float) (1 + k), 1f, (float) (1 - k)};
  }

  /** Scales pixel i by {@code gain}, the tint applied in proportion to {@code amount}. */
  private static void multiply(Planes p, int i, float gain, float[] tint, float amount) {
    for (int k = 0; k < 3; k++) {
      float t = 1 + (tint[k] - 1) * amount;
      p.c[k][i] *= gain * t;
    }
  }
}
