package io.maskocr.renderer.sampling;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Picks one of several options with probability proportional to its weight from a config
 * map. Immutable; the randomness comes from the caller.
 *
 * @param <E> option type (an enum of config keys)
 */
public final class WeightedChoice<E> {
  private final List<E> options;
  private final double[] cumulative;

  /**
   * @param options all options, in a fixed order (the order keeps draws deterministic)
   * @param weights weight per key; missing keys weigh 0
   * @param key the config key of an option
   * @param usable options failing this get weight 0 (e.g. a font category with no font)
   */
  public WeightedChoice(List<E> options, Map<String, Double> weights, Function<E, String> key, Predicate<E> usable) {
    this.options = List.copyOf(options);
    this.cumulative = new double[options.size()];
    double total = 0;
    for (int i = 0; i < options.size(); i++) {
      E e = options.get(i);
      if (usable.test(e)) {
        total += weights.getOrDefault(key.apply(e), 0.0);
      }
      cumulative[i] = total;
    }
  }

  /** Sum of the usable weights. */
  public double total() {
    return cumulative.length == 0 ? 0 : cumulative[cumulative.length - 1];
  }

  /** One option; the last option when every weight is 0. */
  public E pick(SplittableRandom r) {
    double x = r.nextDouble() * total();
    for (int i = 0; i < cumulative.length; i++) {
      if (x < cumulative[i]) {
        return options.get(i);
      }
    }
    return options.get(options.size() - 1);
  }
}
