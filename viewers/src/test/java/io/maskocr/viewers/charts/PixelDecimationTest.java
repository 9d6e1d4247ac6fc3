package io.maskocr.viewers.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PixelDecimationTest {

  @Test
  void aCurveNoLongerThanFourPointsPerColumnIsKeptWhole() {
    double[] xs = {0, 1, 2, 3};
    double[] ys = {5, 1, 4, 2};
    PixelDecimation.Points p = PixelDecimation.reduce(xs, ys, 4, 0, 3, 10);
    assertEquals(4, p.n());
    assertArrayEquals(xs, java.util.Arrays.copyOf(p.x(), p.n()));
    assertArrayEquals(ys, java.util.Arrays.copyOf(p.y(), p.n()));
  }

  @Test
  void oneHundredThousandPointsKeepEveryColumnsExtremesEndsAndOrder() {
    int n = 100_000;
    int columns = 600;
    double[] xs = new double[n];
    double[] ys = new double[n];
    Random rnd = new Random(7);
    for (int i = 0; i < n; i++) {
      xs[i] = i;
      ys[i] = Math.exp(-i / 30_000.0) + 0.1 * rnd.nextGaussian();
    }
    ys[54_321] = 9; // a single spike must survive
    PixelDecimation.Points p = PixelDecimation.reduce(xs, ys, n, 0, n - 1, columns);

    assertTrue(p.n() <= 4 * columns, "kept " + p.n());
    assertEquals(0, p.x()[0]);
    assertEquals(n - 1, p.x()[p.n() - 1]);
    for (int i = 1; i < p.n(); i++) {
      assertTrue(p.x()[i] > p.x()[i - 1], "order kept at " + i);
    }
    // Per pixel column, the kept points span exactly the full data's lowest and highest value.
    double[] fullMin = new double[columns];
    double[] fullMax = new double[columns];
    double[] keptMin = new double[columns];
    double[] keptMax = new double[columns];
    java.util.Arrays.fill(fullMin, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(keptMin, Double.POSITIVE_INFINITY);
    java.util.Arrays.fill(fullMax, Double.NEGATIVE_INFINITY);
    java.util.Arrays.fill(keptMax, Double.NEGATIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      int c = column(xs[i], n - 1, columns);
      fullMin[c] = Math.min(fullMin[c], ys[i]);
      fullMax[c] = Math.max(fullMax[c], ys[i]);
    }
    for (int i = 0; i < p.n(); i++) {
      int c = column(p.x()[i], n - 1, columns);
      keptMin[c] = Math.min(keptMin[c], p.y()[i]);
      keptMax[c] = Math.max(keptMax[c], p.y()[i]);
    }
    assertArrayEquals(fullMin, keptMin);
    assertArrayEquals(fullMax, keptMax);
  }

  @Test
  void aZoomedRangeKeepsTheNeighboursJustOutsideSoLinesReachTheEdges() {
    int n = 10_000;
    double[] xs = new double[n];
    double[] ys = new double[n];
    for (int i = 0; i < n; i++) {
      xs[i] = i;
      ys[i] = i % 2; // zig-zag: every point is a lowest or highest one of its column
    }
    PixelDecimation.Points p = PixelDecimation.reduce(xs, ys, n, 4_000, 4_100, 50);
    double[] kept = java.util.Arrays.copyOf(p.x(), p.n());
    assertTrue(java.util.Arrays.stream(kept).anyMatch(x -> x == 3_999), "last point left of the range");
    assertTrue(java.util.Arrays.stream(kept).anyMatch(x -> x == 4_101), "first point right of the range");
    long inside = java.util.Arrays.stream(kept).filter(x -> x >= 4_000 && x <= 4_100).count();
    assertEquals(101, inside, "zig-zag of 101 points over 50 columns: each one kept");
  }

  @Test
  void zeroColumnsIsRefusedWithTheValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PixelDecimation.reduce(new double[1], new double[1], 1, 0, 1, 0));
    assertEquals("columns must be at least 1, got 0", e.getMessage());
  }

  private static int column(double x, double hi, int columns) {
    return Math.min(columns - 1, (int) (x * columns / hi));
  }
}
