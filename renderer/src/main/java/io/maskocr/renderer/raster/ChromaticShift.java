package io.maskocr.renderer.raster;

import java.util.SplittableRandom;

/**
 * Colour-channel misregistration of cheap lenses and Bayer demosaicing: red and blue are
 * resampled (bilinearly, edges clamped) half the shift to either side of green, along a random
 * direction, so edges get coloured fringes.
 */
public final class ChromaticShift {
  private ChromaticShift() {}

  /** Shifts red by +shift/2 and blue by -shift/2 pixels along a random direction. */
  public static void apply(Planes p, double shift, SplittableRandom r) {
    double angle = r.nextDouble() * 2 * Math.PI;
    double dx = 0.5 * shift * StrictMath.cos(angle), dy = 0.5 * shift * StrictMath.sin(angle);
    float[] tmp = new float[p.w * p.h];
    resample(p, p.c[0], dx, dy, tmp);
    resample(p, p.c[2], -dx, -dy, tmp);
  }

  private static void resample(Planes p, float[] ch, double dx, double dy, float[] tmp) {
    int ix = (int) Math.floor(dx), iy = (int) Math.floor(dy);
    float tx = (float) (dx - ix), ty = (float) (dy - iy);
    for (int y = 0; y < p.h; y++) {
      int y0 = clamp(y + iy, p.h), y1 = clamp(y + iy + 1, p.h);
      for (int x = 0; x < p.w; x++) {
        int x0 = clamp(x + ix, p.w), x1 = clamp(x + ix + 1, p.w);
        float a = ch[y0 * p.w + x0], b = ch[y0 * p.w + x1], c = ch[y1 * p.w + x0], d = ch[y1 * p.w + x1];
        tmp[y * p.w + x] = (a + (b - a) * tx) * (1 - ty) + (c + (d - c) * tx) * ty;
      }
    }
    System.arraycopy(tmp, 0, ch, 0, tmp.length);
  }

  private static int clamp(int v, int n) {
    return v < 0 ? 0 : Math.min(n - 1, v);
  }
}
