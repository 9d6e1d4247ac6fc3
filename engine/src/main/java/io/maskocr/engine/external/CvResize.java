package io.maskocr.engine.external;

/**
 * OpenCV's 8-bit bilinear resize ({@code cv2.resize}, {@code INTER_LINEAR}), which PaddleOCR's
 * pre-processing uses: half-pixel centres, source index clamped at the borders, 11-bit
 * fixed-point weights, a horizontal then a vertical pass, rounded back to 8 bits. No
 * antialiasing when shrinking, as in OpenCV. A float resize would differ by a level here and
 * there, and that is enough to flip a reading near a tie.
 */
final class CvResize {
  private static final int COEF_BITS = 11;
  private static final int COEF_SCALE = 1 << COEF_BITS;

  private CvResize() {}

  /** Resizes interleaved 3-channel pixels from {@code sw x sh} to {@code dw x dh}. */
  static int[] resize(int[] src, int sw, int sh, int dw, int dh) {
    if (sw == dw && sh == dh) {
      return src;
    }
    int[] xi = new int[dw];
    int[] xw = new int[2 * dw];
    taps(sw, dw, xi, xw);
    int[] yi = new int[dh];
    int[] yw = new int[2 * dh];
    taps(sh, dh, yi, yw);
    long[] rows = new long[sh * dw * 3];
    for (int y = 0; y < sh; y++) {
      int row = y * sw * 3;
      for (int x = 0; x < dw; x++) {
        int s0 = row + xi[x] * 3;
        int s1 = xi[x] + 1 < sw ? s0 + 3 : s0;
        int o = (y * dw + x) * 3;
        for (int c = 0; c < 3; c++) {
          rows[o + c] = (long) src[s0 + c] * xw[2 * x] + (long) src[s1 + c] * xw[2 * x + 1];
        }
      }
    }
    int[] out = new int[dh * dw * 3];
    long round = 1L << (2 * COEF_BITS - 1);
    for (int y = 0; y < dh; y++) {
      int r0 = yi[y] * dw * 3;
      int r1 = (yi[y] + 1 < sh ? yi[y] + 1 : yi[y]) * dw * 3;
      int o = y * dw * 3;
      for (int k = 0; k < dw * 3; k++) {
        long v = (rows[r0 + k] * yw[2 * y] + rows[r1 + k] * yw[2 * y + 1] + round) >> (2 * COEF_BITS);
        out[o + k] = (int) Math.max(0, Math.min(255, v));
      }
    }
    return out;
  }

  /** Source index and the two fixed-point weights of each destination position. */
  private static void taps(int src, int dst, int[] idx, int[] wt) {
    double scale = (double) src / dst;
    for (int d = 0; d < dst; d++) {
      // OpenCV computes the position in float
      double f = (float) ((d + 0.5) * scale - 0.5);
      int s = (int) Math.floor(f);
      f -= s;
      if (s < 0) {
        f = 0;
        s = 0;
      }
      if (s >= src - 1) {
        f = 0;
        s = src - 1;
      }
      idx[d] = s;
      wt[2 * d] = (int) Math.round((1 - f) * COEF_SCALE);
      wt[2 * d + 1] = (int) Math.round(f * COEF_SCALE);
    }
  }
}
