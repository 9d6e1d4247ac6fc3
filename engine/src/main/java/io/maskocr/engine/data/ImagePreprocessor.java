package io.maskocr.engine.data;

import io.maskocr.engine.model.ModelConfig;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Resizes any picture to the model input (stretching, as the common scene-text protocol does)
 * and maps pixels to [-1, 1]. Grayscale models use luminance.
 */
public final class ImagePreprocessor {
  private final int channels;
  private final int height;
  private final int width;

  /** Preprocessor for {@code config}'s input size and channels. */
  public ImagePreprocessor(ModelConfig config) {
    this.channels = config.channels();
    this.height = config.imageHeight();
    this.width = config.imageWidth();
  }

  /** {@code (C, H, W)} floats in [-1, 1]. */
  public float[] toPixels(BufferedImage image) {
    BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = scaled.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    g.drawImage(image, 0, 0, width, height, null);
    g.dispose();
    int[] rgb = scaled.getRGB(0, 0, width, height, null, 0, width);
    float[] out = new float[channels * height * width];
    int plane = height * width;
    for (int i = 0; i < plane; i++) {
      int p = rgb[i];
      float r = ((p >> 16) & 0xFF) / 255f;
      float gr = ((p >> 8) & 0xFF) / 255f;
      float b = (p & 0xFF) / 255f;
      if (channels == 1) {
        out[i] = (0.299f * r + 0.587f * gr + 0.114f * b) * 2f - 1f;
      } else {
        out[i] = r * 2f - 1f;
        out[plane + i] = gr * 2f - 1f;
        out[2 * plane + i] = b * 2f - 1f;
      }
    }
    return out;
  }

  /** Character spans mapped from a {@code sourceWidth}-wide image to model-input pixels. */
  public float[] scaleSpans(float[] spans, int sourceWidth) {
    if (spans == null) {
      return null;
    }
    float f = (float) width / Math.max(1, sourceWidth);
    float[] out = new float[spans.length];
    for (int i = 0; i < spans.length; i++) {
      out[i] = spans[i] * f;
    }
    return out;
  }

  /** The preprocessed sample of a labeled image (augmented first when {@code aug} is given). */
  public Sample prepare(LabeledImage li, Augmenter aug, long seed) {
    BufferedImage img = li.image();
    float[] boxes = li.charBoxes();
    if (aug != null) {
      Augmenter.Result r = aug.apply(img, boxes, seed);
      img = r.image();
      boxes = r.charBoxes();
    }
    return new Sample(li.id(), toPixels(img), li.label(), scaleSpans(boxes, img.getWidth()));
  }

  /** Turns normalized pixels back into an image (for previews and reconstructions). */
  public static BufferedImage toImage(float[] pixels, int channels, int height, int width) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int plane = height * width;
    for (int i = 0; i < plane; i++) {
      int r = clamp(pixels[i]);
      int g = channels == 1 ? r : clamp(pixels[plane + i]);
      int b = channels == 1 ? r : clamp(pixels[2 * plane + i]);
      img.setRGB(i % width, i / width, (r << 16) | (g << 8) | b);
    }
    return img;
  }

  private static int clamp(float v) {
    return Math.max(0, Math.min(255, Math.round((v + 1f) * 127.5f)));
  }
}
