package io.maskocr.engine.pretrain;

import io.maskocr.engine.model.Patches;
import java.util.SplittableRandom;

/**
 * MILM masking: hides every patch strip that covers a randomly chosen share of the characters.
 * Images without character spans get the same share of random patch columns hidden (no
 * character is then known to be masked).
 *
 * @param patches per patch, true when hidden
 * @param characters per label character, true when its strips are hidden
 */
public record CharacterMask(boolean[] patches, boolean[] characters) {

  /**
   * @param grid patch geometry of the model
   * @param gridHeight rows of the patch grid (a hidden column hides every row)
   * @param spans {@code x0, x1} per character in model-input pixels, or null
   * @param ratio share of characters (at least one) to hide, 0..1
   */
  public static CharacterMask choose(Patches grid, int gridHeight, float[] spans, double ratio, SplittableRandom r) {
    int gw = grid.gridWidth();
    boolean[] hidden = new boolean[gw * gridHeight];
    if (spans == null || spans.length < 2) {
      int cols = (int) Math.round(ratio * gw);
      for (int k = 0; k < cols; k++) {
        hideColumn(hidden, r.nextInt(gw), gw, gridHeight);
      }
      return new CharacterMask(hidden, new boolean[0]);
    }
    int chars = spans.length / 2;
    boolean[] chosen = new boolean[chars];
    int want = ratio <= 0 ? 0 : Math.max(1, Math.min(chars, (int) Math.round(ratio * chars)));
    for (int picked = 0; picked < want; ) {
      int c = r.nextInt(chars);
      if (!chosen[c]) {
        chosen[c] = true;
        picked++;
      }
    }
    for (int c = 0; c < chars; c++) {
      if (chosen[c]) {
        int[] cols = grid.columnsCovering(spans[2 * c], spans[2 * c + 1]);
        for (int col = cols[0]; col <= cols[1]; col++) {
          hideColumn(hidden, col, gw, gridHeight);
        }
      }
    }
    return new CharacterMask(hidden, chosen);
  }

  private static void hideColumn(boolean[] hidden, int col, int gw, int rows) {
    for (int row = 0; row < rows; row++) {
      hidden[row * gw + col] = true;
    }
  }

  /**
   * Erases the hidden patches of a patchified image {@code (N, P)} in place with the image's
   * mean value, so the frozen encoder sees a flat smear where the characters were.
   */
  public void erase(float[] patchified, int patchSize) {
    erase(patchified, 0, patchSize);
  }

  /** {@link #erase(float[], int)} on the image starting at {@code offset} of a batch {@code (B, N, P)}. */
  public void erase(float[] batch, int offset, int patchSize) {
    int length = patches.length * patchSize;
    double mean = 0;
    for (int i = offset; i < offset + length; i++) {
      mean += batch[i];
    }
    float m = (float) (mean / length);
    for (int n = 0; n < patches.length; n++) {
      if (patches[n]) {
        java.util.Arrays.fill(batch, offset + n * patchSize, offset + (n + 1) * patchSize, m);
      }
    }
  }
}
