package io.maskocr.viewers.charts;

import java.util.Arrays;

/**
 * All points of one curve, growing as points arrive (amortized O(1) append). The chart draws a
 * pixel-resolution reduction of it; the full data stays here for zooming and for tests.
 */
final class CurveBuffer {
  private double[] x = new double[256];
  private double[] y = new double[256];
  private int n;
  private double minX = Double.POSITIVE_INFINITY;
  private double maxX = Double.NEGATIVE_INFINITY;

  /** Appends a point; points whose x or y is not finite are left out. */
  void append(double px, double py) {
    if (!Double.isFinite(px) || !Double.isFinite(py)) {
      return;
    }
    if (n == x.length) {
      x = Arrays.copyOf(x, n * 2);
      y = Arrays.copyOf(y, n * 2);
    }
    x[n] = px;
    y[n] = py;
    n++;
    minX = Math.min(minX, px);
    maxX = Math.max(maxX, px);
  }

  /** Replaces every point; points whose x or y is not finite are left out. */
  void set(double[] xs, double[] ys) {
    if (xs.length != ys.length) {
      throw new IllegalArgumentException("x and y differ in length: " + xs.length + " vs " + ys.length);
    }
    n = 0;
    minX = Double.POSITIVE_INFINITY;
    maxX = Double.NEGATIVE_INFINITY;
    if (x.length < xs.length) {
      x = new double[xs.length];
      y = new double[xs.length];
    }
    for (int i = 0; i < xs.length; i++) {
      append(xs[i], ys[i]);
    }
  }

  int size() {
    return n;
  }

  double x(int i) {
    return x[i];
  }

  double y(int i) {
    return y[i];
  }

  /** Smallest x, or +infinity when empty. */
  double minX() {
    return minX;
  }

  /** Largest x, or -infinity when empty. */
  double maxX() {
    return maxX;
  }

  /** The points reduced to {@code columns} pixel columns over {@code [lo, hi]}. */
  PixelDecimation.Points reduced(double lo, double hi, int columns) {
    return PixelDecimation.reduce(x, y, n, lo, hi, columns);
  }
}
