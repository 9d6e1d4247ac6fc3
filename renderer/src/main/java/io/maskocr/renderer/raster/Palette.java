package io.maskocr.renderer.raster;

import java.util.SplittableRandom;

/**
 * Chooses text and background colours whose luminance differs by a requested contrast.
 * Luminance is ITU-R 601 (0.299 R + 0.587 G + 0.114 B), the grey the model sees.
 */
public final class Palette {
  private Palette() {}

  /** Luminance in 0..1 of an RGB colour in 0..255. */
  public static double luminance(float[] rgb) {
    return (0.299 * rgb[0] + 0.587 * rgb[1] + 0.114 * rgb[2]) / 255.0;
  }

  /** A random colour (0..255) whose luminance is close to {@code lum}; grey when {@code grey}. */
  public static float[] withLuminance(double lum, boolean grey, SplittableRandom r) {
    if (grey) {
      float v = (float) (lum * 255);
      return new float[] {v, v, v};
    }
    float[] rgb = new float[3];
    double saturation = r.nextDouble() * 0.6;
    for (int k = 0; k < 3; k++) {
      rgb[k] = (float) (255 * (lum + saturation * (r.nextDouble() - 0.5)));
    }
    // shift so the luminance matches, then clamp (clamping can move it slightly)
    double shift = 255 * lum - 255 * luminance(rgb);
    for (int k = 0; k < 3; k++) {
      rgb[k] = (float) Math.max(0, Math.min(255, rgb[k] + shift));
    }
    return rgb;
  }

  /**
   * A background luminance and a text luminance differing by {@code contrast} (0..1);
   * dark-on-light and light-on-dark both occur.
   */
  public static double[] luminancePair(double contrast, SplittableRandom r) {
    double bg = r.nextDouble();
    boolean darkText = r.nextDouble() < 0.7;
    if (darkText && bg - contrast < 0) {
      darkText = bg + contrast > 1 ? true : false;
    } else if (!darkText && bg + contrast > 1) {
      darkText = bg - contrast >= 0;
    }
    if (darkText) {
      bg = Math.max(bg, contrast);
      return new double[] {bg, bg - contrast};
    }
    bg = Math.min(bg, 1 - contrast);
    return new double[] {bg, bg + contrast};
  }
}
