package io.maskocr.engine.learn;

import io.maskocr.engine.inspect.AttentionInspection;

/**
 * One masked image-language modeling probe: whole characters erased from the image and what
 * the decoder reads anyway.
 *
 * @param maskedPixels {@code (C, H, W)} model input with the hidden strips erased (image mean)
 * @param hiddenPatches per patch, true when erased
 * @param hiddenCharacters per label character, true when its strips were erased (empty when the
 *     character boxes are unknown and random strips were erased instead)
 * @param truth the label as the model's charset writes it, or null when unknown
 * @param reading the decoder's reading of the masked image with per-character probabilities
 */
public record MilmView(float[] maskedPixels, boolean[] hiddenPatches, boolean[] hiddenCharacters, String truth,
    AttentionInspection reading) {

  /** Number of erased patches. */
  public int hiddenPatchCount() {
    int n = 0;
    for (boolean b : hiddenPatches) {
      n += b ? 1 : 0;
    }
    return n;
  }

  /** Number of erased characters (0 when boxes are unknown). */
  public int hiddenCharacterCount() {
    int n = 0;
    for (boolean b : hiddenCharacters) {
      n += b ? 1 : 0;
    }
    return n;
  }

  /**
   * How many erased characters the decoder still named correctly at their position, or -1 when
   * nothing is known about which characters were erased.
   */
  public int hiddenCharactersRecovered() {
    if (truth == null || hiddenCharacters.length == 0) {
      return -1;
    }
    int ok = 0;
    String read = reading.text();
    for (int i = 0; i < hiddenCharacters.length; i++) {
      if (hiddenCharacters[i] && i < read.length() && i < truth.length() && read.charAt(i) == truth.charAt(i)) {
        ok++;
      }
    }
    return ok;
  }
}
