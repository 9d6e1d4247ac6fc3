package io.maskocr.renderer.raster;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * A working RGB image as three float planes (0..255), row-major, {@code h x w}. Mutable; one
 * per render call, never shared between threads.
 */
public final class Planes {
  public final int w;
  public final int h;
  public final float[][] c;

  /** A black image. */
  public Planes(int w, int h) {
    this.w = w;
    this.h = h;
    this.c = new float[3][w * h];
  }

  /** Fills every pixel with one colour (0..255 per channel). */
  public void fill(float[] rgb) {
    for (int k = 0; k < 3; k++) {
      java.util.Arrays.fill(c[k], rgb[k]);
    }
  }

  /** Blends {@code rgb} over the image with per-pixel coverage (0..255) times {@code alpha}. */
  public void blend(byte[] coverage, float[] rgb, float alpha) {
    for (int i = 0; i < coverage.length; i++) {
      int cov = coverage[i] & 0xff;
      if (cov != 0) {
        float a = cov * (alpha / 255f);
        for (int k = 0; k < 3; k++) {
          c[k][i] += (rgb[k] - c[k][i]) * a;
        }
      }
    }
  }

  /** Mean luminance (0..255) of the image. */
  public float meanLuminance() {
    double s = 0;
    for (int i = 0; i < w * h; i++) {
      s += 0.299 * c[0][i] + 0.587 * c[1][i] + 0.114 * c[2][i];
    }
    return (float) (s / (w * h));
  }

  /** The image as TYPE_INT_RGB, rounding and clamping each channel. */
  public BufferedImage toImage() {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    int[] px = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    for (int i = 0; i < px.length; i++) {
      px[i] = (clamp(c[0][i]) << 16) | (clamp(c[1][i]) << 8) | clamp(c[2][i]);
    }
    return img;
  }

  static int clamp(float v) {
    int i = Math.round(v);
    return i < 0 ? 0 : Math.min(255, i);
  }
}
