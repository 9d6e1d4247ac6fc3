package io.maskocr.renderer.raster;

import java.util.SplittableRandom;

/** Pixel effects that never move ink by more than their stated margin. */
public final class Filters {
  private Filters() {}

  /** Separable Gaussian blur with edge clamping; moves ink at most about 3 sigma. */
  public static void gaussianBlur(Planes p, double sigma) {
    if (sigma <= 0.05) {
      return;
    }
    int radius = Math.max(1, (int) Math.ceil(3 * sigma));
    float[] kernel = new float[2 * radius + 1];
    double sum = 0;
    for (int i = -radius; i <= radius; i++) {
      double v = StrictMath.exp(-(i * i) / (2 * sigma * sigma));
      kernel[i + radius] = (float) v;
      sum += v;
    }
    for (int i = 0; i < kernel.length; i++) {
      kernel[i] /= (float) sum;
    }
    float[] tmp = new float[p.w * p.h];
    for (float[] ch : p.c) {
      for (int y = 0; y < p.h; y++) {
        convolve(ch, y * p.w, 1, p.w, kernel, radius, tmp);
      }
      System.arraycopy(tmp, 0, ch, 0, tmp.length);
      for (int x = 0; x < p.w; x++) {
        convolve(ch, x, p.w, p.h, kernel, radius, tmp);
      }
      System.arraycopy(tmp, 0, ch, 0, tmp.length);
    }
  }

  /**
   * 1-D convolution of the line src[start + i * step], i in [0, n), into dst at the same
   * positions; edges clamp. The interior runs without bounds checks on the index.
   */
  private static void convolve(float[] src, int start, int step, int n, float[] kernel, int radius, float[] dst) {
    for (int i = 0; i < n; i++) {
      float s = 0;
      if (i >= radius && i + radius < n) {
        int base = start + (i - radius) * step;
        for (int k = 0; k < kernel.length; k++) {
          s += kernel[k] * src[base + k * step];
        }
      } else {
        for (int k = -radius; k <= radius; k++) {
          int j = i + k < 0 ? 0 : Math.min(n - 1, i + k);
          s += kernel[k + radius] * src[start + j * step];
        }
      }
      dst[start + i * step] = s;
    }
  }

  /**
   * Simulates a low-resolution capture: area-average down to {@code factor} of the size,
   * then bilinear back up.
   */
  public static void lowResolution(Planes p, double factor) {
    int sw = Math.max(2, (int) Math.round(p.w * factor));
    int sh = Math.max(2, (int) Math.round(p.h * factor));
    if (sw >= p.w && sh >= p.h) {
      return;
    }
    float[] small = new float[sw * sh];
    float[] count = new float[sw * sh];
    // index maps and weights do not depend on the channel: compute them once (same arithmetic)
    int[] cellX = new int[p.w];
    int[] x0s = new int[p.w];
    int[] x1s = new int[p.w];
    float[] txs = new float[p.w];
    for (int x = 0; x < p.w; x++) {
      cellX[x] = Math.min(sw - 1, x * sw / p.w);
      double fx = Math.max(0, Math.min(sw - 1, (x + 0.5) * sw / p.w - 0.5));
      x0s[x] = (int) fx;
      x1s[x] = Math.min(sw - 1, x0s[x] + 1);
      txs[x] = (float) (fx - x0s[x]);
    }
    for (float[] ch : p.c) {
      java.util.Arrays.fill(small, 0);
      java.util.Arrays.fill(count, 0);
      for (int y = 0; y < p.h; y++) {
        int row = Math.min(sh - 1, y * sh / p.h) * sw;
        for (int x = 0; x < p.w; x++) {
          small[row + cellX[x]] += ch[y * p.w + x];
          count[row + cellX[x]]++;
        }
      }
      for (int i = 0; i < small.length; i++) {
        small[i] /= Math.max(1, count[i]);
      }
      for (int y = 0; y < p.h; y++) {
        double fy = Math.max(0, Math.min(sh - 1, (y + 0.5) * sh / p.h - 0.5));
        int y0 = (int) fy;
        int y1 = Math.min(sh - 1, y0 + 1);
        float ty = (float) (fy - y0);
        for (int x = 0; x < p.w; x++) {
          int x0 = x0s[x];
          int x1 = x1s[x];
          float tx = txs[x];
          float a = small[y0 * sw + x0], b = small[y0 * sw + x1];
          float c = small[y1 * sw + x0], d = small[y1 * sw + x1];
          ch[y * p.w + x] = (a + (b - a) * tx) * (1 - ty) + (c + (d - c) * tx) * ty;
        }
      }
    }
  }

  /** Adds Gaussian noise of standard deviation {@code std} grey levels; mostly luminance, some chroma. */
  public static void noise(Planes p, double std, SplittableRandom r) {
    int n = p.w * p.h;
    float s = (float) std;
    float chroma = 0.3f * s;
    for (int i = 0; i < n; i++) {
      // nextGaussian is a pure-Java ziggurat: deterministic for a given generator state
      float lum = (float) r.nextGaussian() * s;
      for (int k = 0; k < 3; k++) {
        p.c[k][i] += lum + (float) r.nextGaussian() * chroma;
      }
    }
  }
}
