package io.maskocr.viewers.learn;

import io.maskocr.viewers.charts.Rasters;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * A model-input image drawn large with its patch grid: optional hidden patches in grey and
 * optional character boxes. Used to show how an image is cut, masked and erased.
 */
public final class PatchCanvas extends Canvas {
  private final int scale;

  /** @param scale integer zoom of the image */
  public PatchCanvas(int scale) {
    this.scale = scale;
    getStyleClass().add("patch-canvas");
  }

  /**
   * Draws {@code px} with a grid of {@code ph x pw} patches.
   *
   * @param px {@code (C, H, W)} in [-1, 1]
   * @param hidden per patch (row-major over the grid) true = drawn grey, or null
   * @param spans per character {@code x0, x1} in input pixels to outline, or null
   */
  public void show(float[] px, int channels, int height, int width, int ph, int pw, boolean[] hidden, float[] spans) {
    WritableImage img = hidden == null ? Rasters.pixels(px, channels, height, width, scale)
        : Rasters.masked(px, channels, height, width, ph, pw, hidden, scale);
    setWidth(width * scale + 1);
    setHeight(height * scale + 1);
    GraphicsContext g = getGraphicsContext2D();
    g.clearRect(0, 0, getWidth(), getHeight());
    g.setImageSmoothing(false);
    g.drawImage(img, 0, 0);
    // Thin lines every patch; with many small patches they would hide the image, so fade them.
    int cells = (width / pw) * (height / ph);
    g.setStroke(Color.rgb(0, 150, 255, cells > 128 ? 0.35 : 0.8));
    g.setLineWidth(1);
    for (int x = 0; x <= width; x += pw) {
      g.strokeLine(x * scale + 0.5, 0, x * scale + 0.5, height * scale);
    }
    for (int y = 0; y <= height; y += ph) {
      g.strokeLine(0, y * scale + 0.5, width * scale, y * scale + 0.5);
    }
    if (spans != null) {
      g.setStroke(Color.rgb(230, 40, 40, 0.9));
      g.setLineWidth(2);
      for (int c = 0; c + 1 < spans.length; c += 2) {
        g.strokeRect(spans[c] * scale, 2, (spans[c + 1] - spans[c]) * scale, height * scale - 4);
      }
    }
  }

  /**
   * Draws only the patches that are not hidden, one after another in a row: the token sequence
   * the encoder actually receives.
   */
  public void showVisibleSequence(float[] px, int channels, int height, int width, int ph, int pw, boolean[] hidden) {
    int gw = width / pw;
    int visible = 0;
    for (boolean h : hidden) {
      visible += h ? 0 : 1;
    }
    int gap = 1;
    int outW = Math.max(1, visible * (pw + gap));
    float[] out = new float[channels * ph * outW];
    java.util.Arrays.fill(out, 1f); // white gaps between tokens
    int slot = 0;
    for (int n = 0; n < hidden.length; n++) {
      if (hidden[n]) {
        continue;
      }
      int gy = n / gw;
      int gx = n % gw;
      for (int c = 0; c < channels; c++) {
        for (int y = 0; y < ph; y++) {
          for (int x = 0; x < pw; x++) {
            out[(c * ph + y) * outW + slot * (pw + gap) + x] = px[(c * height + gy * ph + y) * width + gx * pw + x];
          }
        }
      }
      slot++;
    }
    WritableImage img = Rasters.pixels(out, channels, ph, outW, scale);
    setWidth(outW * scale);
    setHeight(ph * scale);
    GraphicsContext g = getGraphicsContext2D();
    g.clearRect(0, 0, getWidth(), getHeight());
    g.drawImage(img, 0, 0);
  }
}
