package io.maskocr.engine.inspect;

/**
 * One masked-image-modeling reconstruction as plain arrays, for viewers.
 *
 * @param channels image channels C
 * @param height image height H
 * @param width image width W
 * @param patchHeight patch height ph
 * @param patchWidth patch width pw
 * @param original {@code (C, H, W)} input pixels in [-1, 1]
 * @param masked per patch (row-major over the patch grid), true when hidden from the encoder
 * @param reconstruction {@code (C, H, W)} the decoder's prediction of every patch in pixel space
 * @param patchError per patch, mean squared pixel error between reconstruction and original
 * @param loss the MIM training loss (MSE of the normalized hidden patches; over all patches when
 *     nothing is hidden), or NaN when not known (training snapshots)
 * @param ratio share of patches hidden
 * @param strategy mask strategy name
 * @param seed mask seed
 */
public record Reconstruction(
    int channels,
    int height,
    int width,
    int patchHeight,
    int patchWidth,
    float[] original,
    boolean[] masked,
    float[] reconstruction,
    float[] patchError,
    double loss,
    double ratio,
    String strategy,
    long seed) {

  /** A training snapshot as a reconstruction (its loss is unknown: NaN). */
  public static Reconstruction of(io.maskocr.engine.train.TrainingEvent.Reconstruction e) {
    int n = (e.height() / e.patchHeight()) * (e.width() / e.patchWidth());
    int hidden = 0;
    for (boolean m : e.masked()) {
      hidden += m ? 1 : 0;
    }
    return new Reconstruction(e.channels(), e.height(), e.width(), e.patchHeight(), e.patchWidth(),
        e.original(), e.masked(), e.reconstruction(),
        patchErrors(e.reconstruction(), e.original(), e.channels(), e.height(), e.width(), e.patchHeight(),
            e.patchWidth()),
        Double.NaN, (double) hidden / n, "training", e.step());
  }

  /** Patches per row of the grid. */
  public int gridWidth() {
    return width / patchWidth;
  }

  /** Rows of the patch grid. */
  public int gridHeight() {
    return height / patchHeight;
  }

  /** Number of hidden patches. */
  public int maskedCount() {
    int n = 0;
    for (boolean m : masked) {
      n += m ? 1 : 0;
    }
    return n;
  }

  /**
   * Per-patch mean squared error between two {@code (C, H, W)} images.
   *
   * @return one value per patch, row-major over the grid
   */
  public static float[] patchErrors(float[] a, float[] b, int channels, int height, int width, int ph, int pw) {
    int gw = width / pw;
    int gh = height / ph;
    float[] err = new float[gw * gh];
    int plane = height * width;
    for (int c = 0; c < channels; c++) {
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          int i = c * plane + y * width + x;
          float d = a[i] - b[i];
          err[(y / ph) * gw + x / pw] += d * d;
        }
      }
    }
    float per = channels * ph * pw;
    for (int i = 0; i < err.length; i++) {
      err[i] /= per;
    }
    return err;
  }
}
