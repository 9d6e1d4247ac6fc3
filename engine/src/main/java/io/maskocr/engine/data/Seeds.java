package io.maskocr.engine.data;

/** Derives independent seeds from a run seed, so no code needs {@code new Random()}. */
public final class Seeds {
  private Seeds() {}

  /** A well-mixed 64-bit seed from two values (SplitMix64 finalizer). */
  public static long mix(long a, long b) {
    long z = a * 0x9E3779B97F4A7C15L + b + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** {@link #mix(long, long)} of three values. */
  public static long mix(long a, long b, long c) {
    return mix(mix(a, b), c);
  }
}
