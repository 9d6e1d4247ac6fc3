package io.maskocr.viewers.charts;

import javafx.scene.paint.Color;

/**
 * A perceptually ordered colour scale (dark blue, purple, orange, pale yellow, close to
 * "inferno") for heat maps, and a red-amber-green scale for confidences.
 */
public final class HeatColors {
  private static final int[][] STOPS = {
    {0, 0, 4}, {40, 11, 84}, {101, 21, 110}, {159, 42, 99}, {212, 72, 66}, {245, 125, 21},
    {250, 193, 39}, {252, 255, 164}
  };

  private HeatColors() {}

  /** Opaque ARGB of value {@code t} in [0, 1] (clipped). */
  public static int argb(float t) {
    float v = Math.max(0, Math.min(1, Float.isNaN(t) ? 0 : t)) * (STOPS.length - 1);
    int i = Math.min(STOPS.length - 2, (int) v);
    float f = v - i;
    int r = Math.round(STOPS[i][0] + (STOPS[i + 1][0] - STOPS[i][0]) * f);
    int g = Math.round(STOPS[i][1] + (STOPS[i + 1][1] - STOPS[i][1]) * f);
    int b = Math.round(STOPS[i][2] + (STOPS[i + 1][2] - STOPS[i][2]) * f);
    return 0xFF000000 | r << 16 | g << 8 | b;
  }

  /** Confidence colour: red below 0.5, amber around 0.75, green near 1. */
  public static Color confidence(double p) {
    double t = Math.max(0, Math.min(1, (p - 0.4) / 0.6));
    return Color.hsb(t * 120, 0.55, 0.9);
  }
}
