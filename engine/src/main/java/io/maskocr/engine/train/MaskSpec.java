package io.maskocr.engine.train;

/**
 * How the MIM stage hides patches.
 *
 * @param strategy {@code random}, {@code block} or {@code character} (strips covering chosen
 *     characters, from renderer boxes; falls back to random without boxes)
 * @param ratio share of patches hidden, 0..0.95
 */
public record MaskSpec(String strategy, Double ratio) {
  /** Applies defaults and checks ranges. */
  public MaskSpec {
    strategy = strategy == null ? "random" : strategy;
    ratio = ratio == null ? 0.5 : ratio;
    MaskStrategy.parse(strategy);
    if (ratio < 0 || ratio > 0.95) {
      throw new IllegalArgumentException("mask ratio must be within 0..0.95, got " + ratio);
    }
  }
}
