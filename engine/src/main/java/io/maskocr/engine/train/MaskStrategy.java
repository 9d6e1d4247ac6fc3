package io.maskocr.engine.train;

import java.util.Locale;

/** How patches are chosen for hiding in masked image modeling. */
public enum MaskStrategy {
  /** Independent uniformly random patches. */
  RANDOM,
  /** Runs of adjacent patch columns. */
  BLOCK,
  /** Every strip covering randomly chosen characters (needs character boxes). */
  CHARACTER;

  /** Parses {@code random}, {@code block} or {@code character}. */
  public static MaskStrategy parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("mask strategy must be random, block or character, got '" + s + "'");
    }
  }
}
