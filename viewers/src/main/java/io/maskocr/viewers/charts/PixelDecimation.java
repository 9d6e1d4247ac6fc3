package io.maskocr.viewers.charts;

import java.util.Arrays;

/**
 * Reduces a curve to what a line of a given pixel width can show (the "M4" reduction): points
 * are grouped in runs that fall into the same pixel column, and of each run only the first,
 * lowest, highest and last point are kept, in their original order. The drawn line then covers
 * exactly the same pixels as the full curve (every peak and dip stays), with at most four points
 * per column, so a 100,000-point curve costs the chart a few thousand points.
 *
 * <p>Points left or right of the visible range fall into one column each side, so lines still
 * enter and leave the plot at the right height.
 */
public final class PixelDecimation {
  /** The kept points: {@code x[0..n)}, {@code y[0..n)}. */
  public record Points(double[] x, double[] y, int n) {}

  private PixelDecimation() {}

  /**
   * @param xs x values (any order; sorted input reduces best)
   * @param ys y values
   * @param n number of points used from {@code xs} and {@code ys}
   * @param lo left end of the visible x range
   * @param hi right end of the visible x range
   * @param columns pixel columns of the plot (at least 1)
   * @return the kept points, in input order; a copy of the input when reducing would not help
   */
  public static Points reduce(double[] xs, double[] ys, int n, double lo, double hi, int columns) {
    if (columns < 1) {
      throw new IllegalArgumentException("columns must be at least 1, got " + columns);
    }
    if (n <= 4L * (columns + 2)) {
      return new Points(Arrays.copyOf(xs, n), Arrays.copyOf(ys, n), n);
    }
    double scale = hi > lo ? columns / (hi - lo) : 0;
    double[] ox = new double[4 * (columns + 2)];
    double[] oy = new double[ox.length];
    int out = 0;
    int runBin = Integer.MIN_VALUE;
    int first = -1;
    int min = -1;
    int max = -1;
    int last = -1;
    for (int i = 0; i < n; i++) {
      int b = column(xs[i], lo, hi, scale, columns);
      if (b != runBin) {
        if (first >= 0) {
          if (out + 4 > ox.length) {
            ox = Arrays.copyOf(ox, ox.length * 2);
            oy = Arrays.copyOf(oy, oy.length * 2);
          }
          out = emit(xs, ys, first, min, max, last, ox, oy, out);
        }
        runBin = b;
        first = min = max = last = i;
      } else {
        if (ys[i] < ys[min]) {
          min = i;
        }
        if (ys[i] > ys[max]) {
          max = i;
        }
        last = i;
      }
    }
    if (first >= 0) {
      if (out + 4 > ox.length) {
        ox = Arrays.copyOf(ox, ox.length + 4);
        oy = Arrays.copyOf(oy, oy.length + 4);
      }
      out = emit(xs, ys, first, min, max, last, ox, oy, out);
    }
    return new Points(ox, oy, out);
  }

  /** Column of {@code x}: -1 left of the range, {@code columns} right of it. */
  private static int column(double x, double lo, double hi, double scale, int columns) {
    if (x < lo) {
      return -1;
    }
    if (x > hi) {
      return columns;
    }
    return Math.min(columns - 1, (int) ((x - lo) * scale));
  }

  /** Appends first, min, max, last of one run in index order, each index once. */
  private static int emit(double[] xs, double[] ys, int first, int min, int max, int last, double[] ox,
      double[] oy, int out) {
    int lowFirst = Math.min(min, max);
    int highFirst = Math.max(min, max);
    int prev = -1;
    for (int i : new int[] {first, lowFirst, highFirst, last}) {
      if (i != prev) {
        ox[out] = xs[i];
        oy[out] = ys[i];
        out++;
        prev = i;
      }
    }
    return out;
  }
}
