package io.maskocr.renderer.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.SplittableRandom;

/**
 * One effect's setting: applied to a sample with {@code probability}, with a value drawn
 * uniformly from {@code [min, max]}.
 *
 * @param probability chance in [0, 1] that a sample gets the effect
 * @param min smallest value drawn
 * @param max largest value drawn
 */
public record Effect(double probability, double min, double max) {

  /** Checks the numbers that do not depend on which effect this is. */
  public Effect {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("probability (" + probability + ") must be between 0 and 1");
    }
    if (!Double.isFinite(min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException("min and max must be finite numbers");
    }
    if (min > max) {
      throw new IllegalArgumentException("min (" + min + ") must not be greater than max (" + max + ")");
    }
  }

  /** JSON entry point: every field is required so that a typo cannot silently become 0. */
  @JsonCreator
  static Effect fromJson(
      @JsonProperty("probability") Double probability,
      @JsonProperty("min") Double min,
      @JsonProperty("max") Double max) {
    if (probability == null || min == null || max == null) {
      throw new IllegalArgumentException("an effect needs all of probability, min and max");
    }
    return new Effect(probability, min, max);
  }

  /** Throws unless {@code [min, max]} lies inside the range the given effect accepts. */
  Effect checkedFor(EffectKind kind) {
    if (min < kind.lowest() || max > kind.highest()) {
      throw new IllegalArgumentException(
          "effects." + kind.key() + ": range [" + min + ", " + max + "] must lie within ["
              + kind.lowest() + ", " + kind.highest() + "] " + kind.unit());
    }
    return this;
  }

  /** Draws whether the effect fires; the caller then draws the value with {@link #draw}. */
  public boolean fires(SplittableRandom rng) {
    return rng.nextDouble() < probability;
  }

  /** A value uniformly in {@code [min, max]}. */
  public double draw(SplittableRandom rng) {
    return min + rng.nextDouble() * (max - min);
  }

  /** The same effect with another probability. */
  public Effect withProbability(double p) {
    return new Effect(p, min, max);
  }

  /** The same effect with another range. */
  public Effect withRange(double newMin, double newMax) {
    return new Effect(probability, newMin, newMax);
  }
}
