package io.maskocr.renderer.geom;

/** Axis-aligned bounds of a point range; small mutable helper used inside one render call. */
public final class Bounds {
  public double x0 = Double.MAX_VALUE;
  public double y0 = Double.MAX_VALUE;
  public double x1 = -Double.MAX_VALUE;
  public double y1 = -Double.MAX_VALUE;

  /** Bounds of points [from, to) of the arrays. */
  public static Bounds of(float[] xs, float[] ys, int from, int to) {
    Bounds b = new Bounds();
    for (int i = from; i < to; i++) {
      b.add(xs[i], ys[i]);
    }
    return b;
  }

  /** Grows the bounds to include the point. */
  public void add(double x, double y) {
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }

  /** True when no point was added. */
  public boolean isEmpty() {
    return x0 > x1;
  }

  public double width() {
    return x1 - x0;
  }

  public double height() {
    return y1 - y0;
  }
}
