package io.maskocr.engine.external;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;

/**
 * A picture's 8-bit R, G, B values, interleaved, as {@code cv2.imread} sees them: grey expanded
 * to three equal channels, alpha dropped without compositing.
 */
final class CropPixels {
  private CropPixels() {}

  /** {@code 3 * w * h} values 0..255, row by row, R G B per pixel. */
  static int[] rgb(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    int[] out = new int[3 * w * h];
    Raster r = img.getRaster();
    // Java's getRGB maps a grey image through a linear-grey colour space, which lightens it; the
    // file's grey levels are what cv2 and the references read, so take the samples themselves.
    if (r.getNumBands() <= 2 && r.getTransferType() == DataBuffer.TYPE_BYTE
        && img.getColorModel().getColorSpace().getType() == java.awt.color.ColorSpace.TYPE_GRAY) {
      int[] row = new int[w];
      for (int y = 0; y < h; y++) {
        r.getSamples(0, y, w, 1, 0, row);
        for (int x = 0; x < w; x++) {
          int o = 3 * (y * w + x);
          out[o] = row[x];
          out[o + 1] = row[x];
          out[o + 2] = row[x];
        }
      }
      return out;
    }
    int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
    for (int i = 0; i < argb.length; i++) {
      out[3 * i] = (argb[i] >> 16) & 0xff;
      out[3 * i + 1] = (argb[i] >> 8) & 0xff;
      out[3 * i + 2] = argb[i] & 0xff;
    }
    return out;
  }
}
