package io.maskocr.viewers.render;

import io.maskocr.renderer.RenderedSample;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

/**
 * One rendered sample prepared for display: the styled image and a translucent clean-target
 * overlay as JavaFX images. Built off the FX thread (images are not scene-graph nodes).
 *
 * @param sample the sample with its boxes and style
 * @param image the styled image
 * @param cleanOverlay clean-target ink in translucent cyan, transparent elsewhere
 */
public record PreviewCell(RenderedSample sample, WritableImage image, WritableImage cleanOverlay) {
  private static final int OVERLAY_ARGB = 0x9000D8FF;

  /** Converts a sample; call on a background thread. */
  public static PreviewCell of(RenderedSample s) {
    int w = s.width(), h = s.height();
    BufferedImage img = s.image();
    int[] rgb = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    int[] argb = new int[rgb.length];
    for (int i = 0; i < rgb.length; i++) {
      argb[i] = 0xFF000000 | rgb[i];
    }
    WritableImage image = new WritableImage(w, h);
    image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    byte[] clean = ((DataBufferByte) s.cleanTarget().getRaster().getDataBuffer()).getData();
    int[] overlay = new int[clean.length];
    for (int i = 0; i < clean.length; i++) {
      overlay[i] = (clean[i] & 0xff) < 128 ? OVERLAY_ARGB : 0;
    }
    WritableImage cleanImage = new WritableImage(w, h);
    cleanImage.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), overlay, 0, w);
    return new PreviewCell(s, image, cleanImage);
  }
}
