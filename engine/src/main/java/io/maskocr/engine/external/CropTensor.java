package io.maskocr.engine.external;

import java.awt.image.BufferedImage;

/**
 * Turns a crop into the model's input, {@code (3, height, W)} floats, following the settings'
 * resize rule, channel order and normalisation ({@code (x / 255 - mean) / std}).
 */
final class CropTensor {
  private final ModelSettings.Input in;

  CropTensor(ModelSettings.Input in) {
    this.in = in;
  }

  /** The tensor width for a crop of {@code w x h} (fixed unless the rule is {@link ModelSettings.Resize#PPOCR}). */
  int width(int w, int h) {
    if (in.resize() != ModelSettings.Resize.PPOCR) {
      return in.width();
    }
    // PaddleOCR: int(imgH * max_wh_ratio), max_wh_ratio = max(imgW / imgH, w / h)
    double ratio = Math.max((double) in.width() / in.height(), (double) w / h);
    return (int) (in.height() * ratio);
  }

  /** Writes the crop into {@code out} at {@code offset}, a zero-initialised tensor of width {@code tw}. */
  void fill(BufferedImage img, float[] out, int offset, int tw) {
    int w = img.getWidth();
    int h = img.getHeight();
    int th = in.height();
    int rw;
    int rh = th;
    switch (in.resize()) {
      case PPOCR -> rw = (int) Math.min(tw, Math.ceil(th * ((double) w / h)));
      case KEEP_ASPECT -> {
        double scale = Math.min((double) tw / w, (double) th / h);
        rw = Math.max(1, Math.min(tw, (int) Math.round(w * scale)));
        rh = Math.max(1, Math.min(th, (int) Math.round(h * scale)));
      }
      default -> rw = tw;
    }
    rw = Math.max(1, rw);
    int[] px = CvResize.resize(CropPixels.rgb(img), w, h, rw, rh);
    int plane = th * tw;
    boolean bgr = in.bgr();
    double[] mean = in.mean();
    double[] std = in.std();
    // padding keeps the value of a zero pixel after normalisation only where the reference
    // pads after normalising (PaddleOCR pads with 0 in the normalised tensor, docTR pads the
    // [0, 1] image with 0 before normalising)
    if (in.resize() == ModelSettings.Resize.KEEP_ASPECT) {
      for (int c = 0; c < 3; c++) {
        java.util.Arrays.fill(out, offset + c * plane, offset + (c + 1) * plane, (float) ((0 - mean[c]) / std[c]));
      }
    }
    for (int y = 0; y < rh; y++) {
      for (int x = 0; x < rw; x++) {
        int s = (y * rw + x) * 3;
        int d = offset + y * tw + x;
        for (int c = 0; c < 3; c++) {
          int v = px[s + (bgr ? 2 - c : c)];
          out[d + c * plane] = (float) ((v / 255.0 - mean[c]) / std[c]);
        }
      }
    }
  }
}
