package io.maskocr.viewers.charts;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/**
 * Turns the engine's plain float arrays into JavaFX images: model pixels ({@code (C, H, W)} in
 * [-1, 1]), per-patch heat maps and heat overlays on an image. Every image is scaled up by an
 * integer factor with nearest-neighbour so patch borders stay visible.
 */
public final class Rasters {
  private Rasters() {}

  /** A {@code (C, H, W)} image in [-1, 1] (1 or 3 channels), scaled by {@code scale}. */
  public static WritableImage pixels(float[] px, int channels, int height, int width, int scale) {
    return draw(width, height, scale, (x, y) -> rgb(px, channels, height, width, x, y));
  }

  /**
   * The image with hidden patches drawn as a flat grey, as the encoder sees it.
   *
   * @param masked per patch, row-major over the {@code (H / ph, W / pw)} grid
   */
  public static WritableImage masked(float[] px, int channels, int height, int width, int ph, int pw,
      boolean[] masked, int scale) {
    int gw = width / pw;
    return draw(width, height, scale, (x, y) -> masked[(y / ph) * gw + x / pw]
        ? 0xFF7A7F8A : rgb(px, channels, height, width, x, y));
  }

  /**
   * A per-patch heat map, each value normalized by {@code max} (values above are clipped).
   *
   * @param values per patch, row-major over the {@code gridHeight x gridWidth} grid
   */
  public static WritableImage heat(float[] values, int gridHeight, int gridWidth, int height, int width,
      float max, int scale) {
    int ph = height / gridHeight;
    int pw = width / gridWidth;
    return draw(width, height, scale,
        (x, y) -> HeatColors.argb(values[(y / ph) * gridWidth + x / pw] / Math.max(max, 1e-12f)));
  }

  /**
   * A heat map over a grey version of the image: {@code alpha} of the colour where the value is
   * high, the plain image where it is zero.
   */
  public static WritableImage overlay(float[] px, int channels, int height, int width, float[] values,
      int gridHeight, int gridWidth, int scale) {
    int ph = height / gridHeight;
    int pw = width / gridWidth;
    float max = 1e-12f;
    for (float v : values) {
      max = Math.max(max, v);
    }
    float top = max;
    return draw(width, height, scale, (x, y) -> {
      float t = values[(y / ph) * gridWidth + x / pw] / top;
      int base = rgb(px, channels, height, width, x, y);
      int g = ((base >> 16 & 0xFF) + (base >> 8 & 0xFF) + (base & 0xFF)) / 3;
      int heat = HeatColors.argb(t);
      float a = 0.15f + 0.65f * t;
      int r = Math.round(g * (1 - a) + (heat >> 16 & 0xFF) * a);
      int gg = Math.round(g * (1 - a) + (heat >> 8 & 0xFF) * a);
      int b = Math.round(g * (1 - a) + (heat & 0xFF) * a);
      return 0xFF000000 | r << 16 | gg << 8 | b;
    });
  }

  /** The largest value of an array (at least a tiny positive number). */
  public static float max(float[] values) {
    float m = 1e-12f;
    for (float v : values) {
      m = Math.max(m, v);
    }
    return m;
  }

  private interface Painter {
    int argb(int x, int y);
  }

  private static WritableImage draw(int width, int height, int scale, Painter p) {
    WritableImage img = new WritableImage(width * scale, height * scale);
    PixelWriter w = img.getPixelWriter();
    int[] row = new int[width * scale];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int c = p.argb(x, y);
        for (int s = 0; s < scale; s++) {
          row[x * scale + s] = c;
        }
      }
      for (int s = 0; s < scale; s++) {
        w.setPixels(0, y * scale + s, width * scale, 1,
            javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, width * scale);
      }
    }
    return img;
  }

  private static int rgb(float[] px, int channels, int height, int width, int x, int y) {
    int plane = height * width;
    int i = y * width + x;
    int r = clamp(px[i]);
    int g = channels == 1 ? r : clamp(px[plane + i]);
    int b = channels == 1 ? r : clamp(px[2 * plane + i]);
    return 0xFF000000 | r << 16 | g << 8 | b;
  }

  private static int clamp(float v) {
    return Math.max(0, Math.min(255, Math.round((v + 1f) * 127.5f)));
  }
}
