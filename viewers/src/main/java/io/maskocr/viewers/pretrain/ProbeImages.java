package io.maskocr.viewers.pretrain;

import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;

/** Plain float arrays of the pre-training probes as JavaFX images, scaled up without smoothing. */
final class ProbeImages {
  private ProbeImages() {}

  /**
   * A {@code (C, H, W)} image in [-1, 1]; patches flagged in {@code tint} (row-major over the
   * patch grid of {@code gridWidth} columns) are tinted orange, or null for none.
   */
  static WritableImage pixels(float[] px, int channels, int height, int width, boolean[] tint, int gridWidth, int scale) {
    int plane = height * width;
    int pw = width / Math.max(1, gridWidth);
    int gridHeight = tint == null ? 1 : Math.max(1, tint.length / Math.max(1, gridWidth));
    int ph = height / gridHeight;
    WritableImage img = new WritableImage(width * scale, height * scale);
    PixelWriter w = img.getPixelWriter();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int r = level(px[y * width + x]);
        int g = channels == 3 ? level(px[plane + y * width + x]) : r;
        int b = channels == 3 ? level(px[2 * plane + y * width + x]) : r;
        if (tint != null && tint[(y / ph) * gridWidth + x / pw]) {
          r = (r + 2 * 255) / 3;
          g = (g + 2 * 150) / 3;
          b = b / 3;
        }
        fill(w, x, y, scale, 0xFF000000 | r << 16 | g << 8 | b);
      }
    }
    return img;
  }

  /** An {@code (H, W)} ink map in [0, 1] drawn black on white (1 = black). */
  static WritableImage ink(float[] ink, int height, int width, int scale) {
    WritableImage img = new WritableImage(width * scale, height * scale);
    PixelWriter w = img.getPixelWriter();
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int v = Math.round(255 * (1 - Math.max(0, Math.min(1, ink[y * width + x]))));
        fill(w, x, y, scale, 0xFF000000 | v << 16 | v << 8 | v);
      }
    }
    return img;
  }

  private static int level(float v) {
    return Math.max(0, Math.min(255, Math.round((v + 1f) * 127.5f)));
  }

  private static void fill(PixelWriter w, int x, int y, int scale, int argb) {
    for (int dy = 0; dy < scale; dy++) {
      for (int dx = 0; dx < scale; dx++) {
        w.setArgb(x * scale + dx, y * scale + dy, argb);
      }
    }
  }
}
