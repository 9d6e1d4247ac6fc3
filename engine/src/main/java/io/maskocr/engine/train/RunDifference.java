package io.maskocr.engine.train;

import java.util.Locale;

/**
 * One thing that differs between two runs.
 *
 * @param aspect what kind of input it is
 * @param path where: a recipe's JSON path ({@code stages[1].lr}), a data source
 *     ({@code stage 1 finetune, source 0 split words/train: fingerprint}), or the aspect's name
 * @param a the value in run A ({@value #ABSENT} when A has none)
 * @param b the value in run B ({@value #ABSENT} when B has none)
 */
public record RunDifference(Aspect aspect, String path, String a, String b) {
  /** The value of a side that does not have the entry. */
  public static final String ABSENT = "(absent)";

  /** The inputs of a run, each of which can make two runs' results differ. */
  public enum Aspect {
    /** A recipe field (stages, hyper-parameters, model). */
    RECIPE,
    /** What a stage's data source held (sample count, fingerprint, filter, renderer config). */
    DATA,
    /** The code revision the engine was built from, with its dirty flag. */
    CODE,
    /** CPU, cores, OS, Java and the deep-learning engine. */
    MACHINE,
    /** The master seed. */
    SEED,
    /** Where training started: random weights, the starter, a run or a checkpoint. */
    INIT;

    /** Lower-case name for listings. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** {@code recipe  stages[1].lr: 0.001 vs 0.0005}. */
  public String line() {
    return String.format("%-8s %s: %s vs %s", aspect.label(), path, a, b);
  }
}
