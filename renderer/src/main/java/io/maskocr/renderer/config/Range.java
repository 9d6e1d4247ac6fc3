package io.maskocr.renderer.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.SplittableRandom;

/**
 * A closed interval of doubles drawn from uniformly.
 *
 * @param min lower end
 * @param max upper end, not below min
 */
public record Range(double min, double max) {
  /** Rejects NaN and reversed intervals. */
  public Range {
    if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
      throw new IllegalArgumentException("range needs finite min <= max, got [" + min + ", " + max + "]");
    }
  }

  @JsonCreator
  static Range fromJson(@JsonProperty("min") Double min, @JsonProperty("max") Double max) {
    if (min == null || max == null) {
      throw new IllegalArgumentException("a range needs both min and max");
    }
    return new Range(min, max);
  }

  /** Throws unless the interval lies within [lo, hi]; {@code name} goes into the message. */
  Range within(String name, double lo, double hi) {
    if (min < lo || max > hi) {
      throw new IllegalArgumentException(
          name + ": range [" + min + ", " + max + "] must lie within [" + lo + ", " + hi + "]");
    }
    return this;
  }

  /** A value uniformly in the interval. */
  public double draw(SplittableRandom rng) {
    return min + rng.nextDouble() * (max - min);
  }
}
