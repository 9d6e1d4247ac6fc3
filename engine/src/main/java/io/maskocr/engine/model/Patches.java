package io.maskocr.engine.model;

/**
 * Cuts images into flattened patches and back, on plain arrays. Images are {@code (C, H, W)}
 * row-major; patches are numbered row-major over the patch grid and each patch vector is
 * {@code (C, ph, pw)} row-major, so P = C * ph * pw.
 */
public final class Patches {
  private final int channels;
  private final int height;
  private final int width;
  private final int ph;
  private final int pw;

  /** Patch geometry of {@code config}. */
  public Patches(ModelConfig config) {
    this.channels = config.channels();
    this.height = config.imageHeight();
    this.width = config.imageWidth();
    this.ph = config.patchHeight();
    this.pw = config.patchWidth();
  }

  /** Number of patches N. */
  public int count() {
    return (height / ph) * (width / pw);
  }

  /** Patch vector length P. */
  public int size() {
    return channels * ph * pw;
  }

  /** Patch columns of the grid. */
  public int gridWidth() {
    return width / pw;
  }

  /** Copies the patches of {@code image} (C*H*W) into {@code out} at {@code offset} (N*P floats). */
  public void patchify(float[] image, float[] out, int offset) {
    int gw = width / pw;
    int p = size();
    for (int n = 0; n < count(); n++) {
      int gy = n / gw;
      int gx = n % gw;
      int o = offset + n * p;
      for (int c = 0; c < channels; c++) {
        for (int y = 0; y < ph; y++) {
          int row = (c * height + gy * ph + y) * width + gx * pw;
          System.arraycopy(image, row, out, o, pw);
          o += pw;
        }
      }
    }
  }

  /** The N*P patch array of one image. */
  public float[] patchify(float[] image) {
    float[] out = new float[count() * size()];
    patchify(image, out, 0);
    return out;
  }

  /** Inverse of {@link #patchify(float[])}: N*P floats back to a C*H*W image. */
  public float[] unpatchify(float[] patches) {
    float[] image = new float[channels * height * width];
    int gw = width / pw;
    int p = size();
    for (int n = 0; n < count(); n++) {
      int gy = n / gw;
      int gx = n % gw;
      int o = n * p;
      for (int c = 0; c < channels; c++) {
        for (int y = 0; y < ph; y++) {
          int row = (c * height + gy * ph + y) * width + gx * pw;
          System.arraycopy(patches, o, image, row, pw);
          o += pw;
        }
      }
    }
    return image;
  }

  /**
   * Normalizes each patch of an N*P array to zero mean and unit variance (the MIM target);
   * returns the per-patch mean and std as {@code [2][N]} so predictions can be mapped back.
   */
  public float[][] normalizeEachPatch(float[] patches) {
    int n = count();
    int p = size();
    float[][] stats = new float[2][n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      double sq = 0;
      for (int j = 0; j < p; j++) {
        float v = patches[i * p + j];
        sum += v;
        sq += v * v;
      }
      double mean = sum / p;
      double std = Math.sqrt(Math.max(sq / p - mean * mean, 0) + 1e-6);
      for (int j = 0; j < p; j++) {
        patches[i * p + j] = (float) ((patches[i * p + j] - mean) / std);
      }
      stats[0][i] = (float) mean;
      stats[1][i] = (float) std;
    }
    return stats;
  }

  /** Grid columns [first, last] a horizontal pixel span [x0, x1) overlaps (model input pixels). */
  public int[] columnsCovering(float x0, float x1) {
    int first = Math.max(0, (int) Math.floor(x0 / pw));
    int last = Math.min(gridWidth() - 1, (int) Math.ceil(x1 / pw) - 1);
    return new int[] {first, Math.max(first, last)};
  }
}
