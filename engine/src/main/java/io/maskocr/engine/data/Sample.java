package io.maskocr.engine.data;

/**
 * One preprocessed training or test image, as plain arrays (no native memory).
 *
 * @param id where it came from (dataset sample id, file name or synthetic seed)
 * @param pixels {@code (C, H, W)} row-major values in [-1, 1], sized for the model input
 * @param label ground truth, or null for unlabeled images (MIM)
 * @param charSpans per character {@code x0, x1} in model-input pixels (2 * length values), or
 *     null when unknown; used by character-aware masking
 */
public record Sample(String id, float[] pixels, String label, float[] charSpans) {
  /** Whether the sample carries a label. */
  public boolean labeled() {
    return label != null;
  }
}
