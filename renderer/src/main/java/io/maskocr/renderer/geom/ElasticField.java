package io.maskocr.renderer.geom;

import java.util.SplittableRandom;

/**
 * A smooth random displacement field: a sum of a few plane waves per axis with random
 * direction, wavelength (0.4 to 1.5 em) and phase. Smooth, so outlines stay closed and
 * glyphs keep their topology; evaluated on outline points, so boxes follow it exactly.
 */
public final class ElasticField {
  private static final int WAVES = 3;
  private final double[] fx = new double[2 * WAVES];
  private final double[] fy = new double[2 * WAVES];
  private final double[] phase = new double[2 * WAVES];
  private final double amplitude;

  /** A field with displacement up to about {@code amplitude} (em) in each axis. */
  public ElasticField(double amplitude, SplittableRandom r) {
    this.amplitude = amplitude / Math.sqrt(WAVES);
    for (int i = 0; i < 2 * WAVES; i++) {
      double angle = r.nextDouble() * 2 * Math.PI;
      double k = 2 * Math.PI / (0.4 + 1.1 * r.nextDouble());
      fx[i] = k * StrictMath.cos(angle);
      fy[i] = k * StrictMath.sin(angle);
      phase[i] = r.nextDouble() * 2 * Math.PI;
    }
  }

  /** Displaces the points in place. */
  public void apply(float[] xs, float[] ys, int from, int to) {
    for (int p = from; p < to; p++) {
      double x = xs[p], y = ys[p];
      double dx = 0, dy = 0;
      for (int i = 0; i < WAVES; i++) {
        dx += StrictMath.sin(fx[i] * x + fy[i] * y + phase[i]);
        int j = i + WAVES;
        dy += StrictMath.sin(fx[j] * x + fy[j] * y + phase[j]);
      }
      xs[p] = (float) (x + amplitude * dx);
      ys[p] = (float) (y + amplitude * dy);
    }
  }
}
