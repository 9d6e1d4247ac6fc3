package io.maskocr.renderer.geom;

/** A 3x3 projective transform of the plane, row-major, h[8] normalised to 1. Immutable. */
public final class Homography {
  private final double[] h;

  private Homography(double[] h) {
    this.h = h;
  }

  /**
   * The homography taking the four source points to the four destination points (each
   * array x0,y0,x1,y1,..., corners in the same order). Solves the standard 8x8 system.
   */
  public static Homography fromCorners(double[] src, double[] dst) {
    double[][] a = new double[8][9];
    for (int i = 0; i < 4; i++) {
      double x = src[2 * i], y = src[2 * i + 1], u = dst[2 * i], v = dst[2 * i + 1];
      a[2 * i] = new double[] {x, y, 1, 0, 0, 0, -u * x, -u * y, u};
      a[2 * i + 1] = new double[] {0, 0, 0, x, y, 1, -v * x, -v * y, v};
    }
    for (int col = 0; col < 8; col++) {
      int pivot = col;
      for (int r = col + 1; r < 8; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] t = a[col];
      a[col] = a[pivot];
      a[pivot] = t;
      if (Math.abs(a[col][col]) < 1e-12) {
        throw new IllegalArgumentException("degenerate corners: no homography");
      }
      for (int r = 0; r < 8; r++) {
        if (r != col) {
          double f = a[r][col] / a[col][col];
          for (int c = col; c < 9; c++) {
            a[r][c] -= f * a[col][c];
          }
        }
      }
    }
    double[] h = new double[9];
    for (int i = 0; i < 8; i++) {
      h[i] = a[i][8] / a[i][i];
    }
    h[8] = 1;
    return new Homography(h);
  }

  /** Maps the points in place: (x, y) -> (h0 x + h1 y + h2, h3 x + h4 y + h5) / (h6 x + h7 y + 1). */
  public void apply(float[] xs, float[] ys, int from, int to) {
    for (int i = from; i < to; i++) {
      double x = xs[i], y = ys[i];
      double w = h[6] * x + h[7] * y + h[8];
      xs[i] = (float) ((h[0] * x + h[1] * y + h[2]) / w);
      ys[i] = (float) ((h[3] * x + h[4] * y + h[5]) / w);
    }
  }
}
