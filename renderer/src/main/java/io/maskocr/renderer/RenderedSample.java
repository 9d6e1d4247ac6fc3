package io.maskocr.renderer;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.util.List;

/**
 * One synthetic sample. Treat the images as read-only (BufferedImage cannot be frozen).
 *
 * @param image styled image, TYPE_INT_RGB, height x width of the renderer
 * @param text the label: exactly the characters drawn, in order
 * @param boxes one box per character of {@code text}, in output pixels
 * @param cleanTarget ODM target, TYPE_BYTE_GRAY, same size: 0 = ink (black), 255 = paper;
 *     the same text in the canonical font with character i drawn inside box i
 * @param style what the renderer chose
 * @param seed renderer seed
 * @param index sample index; (config, seed, index) determines every pixel
 */
public record RenderedSample(
    BufferedImage image, String text, List<CharBox> boxes, BufferedImage cleanTarget,
    StyleParams style, long seed, long index) {

  /** Copies the box list. */
  public RenderedSample {
    boxes = List.copyOf(boxes);
    if (boxes.size() != text.length()) {
      throw new IllegalArgumentException("one box per character: " + boxes.size() + " boxes for '" + text + "'");
    }
  }

  /** Image width in pixels. */
  public int width() {
    return image.getWidth();
  }

  /** Image height in pixels. */
  public int height() {
    return image.getHeight();
  }

  /** The styled image as grey levels in [0, 1], row-major, shape (H, W); ITU-R 601 luma. */
  public float[] grayPixels() {
    int[] px = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    float[] out = new float[px.length];
    for (int i = 0; i < px.length; i++) {
      int p = px[i];
      out[i] = (0.299f * ((p >> 16) & 0xff) + 0.587f * ((p >> 8) & 0xff) + 0.114f * (p & 0xff)) / 255f;
    }
    return out;
  }

  /** The clean target as ink mask in {0, 1} (1 = ink), row-major, shape (H, W). */
  public float[] cleanInk() {
    byte[] px = ((DataBufferByte) cleanTarget.getRaster().getDataBuffer()).getData();
    float[] out = new float[px.length];
    for (int i = 0; i < px.length; i++) {
      out[i] = (px[i] & 0xff) < 128 ? 1f : 0f;
    }
    return out;
  }
}
