package io.maskocr.engine.model;

/**
 * Fixed sine/cosine position codes (Vaswani et al.), values in [-1, 1]. The character decoder
 * adds them to the normalized encoder features it attends to: its queries must find "the i-th
 * character" by position, and at initialization the encoder's own learned positions are too
 * weak (std 0.02 against unit-scale features) to tell the strips apart, which left the decoder
 * on the "most frequent letter at each position" plateau.
 */
public final class SinusoidalPositions {
  private SinusoidalPositions() {}

  /** The {@code (n, d)} table, row-major: even dims sin, odd dims cos, wavelengths up to 10^4. */
  public static float[] table(int n, int d) {
    float[] out = new float[n * d];
    for (int pos = 0; pos < n; pos++) {
      for (int i = 0; i < d; i += 2) {
        double angle = pos / Math.pow(10000.0, (double) i / d);
        out[pos * d + i] = (float) Math.sin(angle);
        if (i + 1 < d) {
          out[pos * d + i + 1] = (float) Math.cos(angle);
        }
      }
    }
    return out;
  }
}
