package io.maskocr.renderer.raster;

import java.util.SplittableRandom;

/**
 * Text and background colours as on real signs and shop fronts: saturated panels (red, blue,
 * green, yellow, orange, ...), dark panels with light text, white panels with dark or coloured
 * text; sometimes washed out (lower contrast, as under glare or at a distance).
 */
public final class SignPalette {
  /** Panel hues in degrees with a typical HSV value; the list is the prior. */
  private static final double[][] PANELS = {
      {0, 0.75}, {0, 0.55}, {8, 0.85}, {25, 0.95}, {45, 0.95}, {55, 0.9}, {120, 0.45}, {140, 0.35},
      {160, 0.55}, {200, 0.6}, {215, 0.55}, {225, 0.35}, {270, 0.45}, {320, 0.7}, {30, 0.35}, {20, 0.25}};

  private SignPalette() {}

  /**
   * {background, text} colours (0..255 RGB). {@code saturation} (0..1) scales how colourful
   * the panel is; {@code contrast} (0..1, the config's drawn contrast) how far the text
   * luminance may sit from the panel's; grey samples get grey colours.
   */
  public static float[][] pick(double saturation, double contrast, boolean grey, SplittableRandom r) {
    double u = r.nextDouble();
    float[] bg;
    if (u < 0.18) { // white or light grey panel
      bg = hsv(r.nextDouble() * 360, 0.08 * r.nextDouble(), 0.8 + 0.2 * r.nextDouble());
    } else if (u < 0.36) { // black or dark panel
      bg = hsv(r.nextDouble() * 360, 0.3 * r.nextDouble() * saturation, 0.04 + 0.18 * r.nextDouble());
    } else {
      double[] panel = PANELS[r.nextInt(PANELS.length)];
      double hue = panel[0] + (r.nextDouble() - 0.5) * 16;
      double s = saturation * (0.55 + 0.45 * r.nextDouble());
      double v = Math.max(0.15, Math.min(1, panel[1] * (0.75 + 0.5 * r.nextDouble())));
      bg = hsv(hue, s, v);
    }
    double bgLum = Palette.luminance(bg);
    float[] fg;
    double w = r.nextDouble();
    if (bgLum < 0.5) { // light text: white, cream, yellow, pale colour
      fg = w < 0.6 ? hsv(50, 0.08 * r.nextDouble(), 0.9 + 0.1 * r.nextDouble())
          : w < 0.85 ? hsv(45 + 15 * r.nextDouble(), 0.5 + 0.5 * saturation * r.nextDouble(), 0.95)
          : hsv(r.nextDouble() * 360, 0.4 * saturation, 0.9 + 0.1 * r.nextDouble());
    } else { // dark text: black, navy, dark red, dark green, or a strong colour on white
      fg = w < 0.55 ? hsv(r.nextDouble() * 360, 0.2 * r.nextDouble(), 0.05 + 0.12 * r.nextDouble())
          : w < 0.85 ? hsv(PANELS[r.nextInt(PANELS.length)][0], 0.6 + 0.4 * saturation * r.nextDouble(), 0.25 + 0.3 * r.nextDouble())
          : hsv(r.nextDouble() * 360, 0.7 * saturation + 0.2, 0.45 + 0.2 * r.nextDouble());
    }
    // washed out: pull the text toward the panel until the luminance gap is the drawn contrast
    double gap = Math.abs(Palette.luminance(fg) - bgLum);
    if (gap > contrast && gap > 1e-6) {
      float k = (float) Math.max(0.35, contrast / gap);
      for (int i = 0; i < 3; i++) {
        fg[i] = bg[i] + (fg[i] - bg[i]) * k;
      }
    }
    if (grey) {
      bg = greyOf(bg);
      fg = greyOf(fg);
    }
    return new float[][] {bg, fg};
  }

  private static float[] greyOf(float[] rgb) {
    float v = (float) (Palette.luminance(rgb) * 255);
    return new float[] {v, v, v};
  }

  /** HSV (hue in degrees, s and v in 0..1) to RGB 0..255. */
  static float[] hsv(double h, double s, double v) {
    h = ((h % 360) + 360) % 360 / 60;
    s = Math.max(0, Math.min(1, s));
    v = Math.max(0, Math.min(1, v));
    int sector = (int) h;
    double f = h - sector;
    double p = v * (1 - s), q = v * (1 - s * f), t = v * (1 - s * (1 - f));
    double r, g, b;
    switch (sector) {
      case 0 -> { r = v; g = t; b = p; }
      case 1 -> { r = q; g = v; b = p; }
      case 2 -> { r = p; g = v; b = t; }
      case 3 -> { r = p; g = q; b = v; }
      case 4 -> { r = t; g = p; b = v; }
      default -> { r = v; g = p; b = q; }
    }
    return new float[] {(float) (255 * r), (float) (255 * g), (float) (255 * b)};
  }
}
