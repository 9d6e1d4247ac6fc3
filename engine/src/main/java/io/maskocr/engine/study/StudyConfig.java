package io.maskocr.engine.study;

import java.util.List;

/**
 * What a low-label study runs: every recipe on every labelled fraction of a dataset's train
 * split, each run with the same seed and the same wall-clock budget, evaluated on the test split.
 *
 * @param dataset workspace dataset with {@code train} and {@code test} splits
 * @param fractions shares of the labelled train split, each in (0, 1]
 * @param recipes built-in recipe names or recipe files
 * @param minutesPerRun training budget of one run (pre-training + fine-tuning)
 * @param seed one seed for every run and for choosing the labelled subsets
 * @param preset model preset overriding the recipes' (null keeps theirs)
 */
public record StudyConfig(
    String dataset, List<Double> fractions, List<String> recipes, double minutesPerRun, long seed, String preset) {
  /** Checks the values; messages name the option. */
  public StudyConfig {
    if (dataset == null || dataset.isBlank()) {
      throw new IllegalArgumentException("--dataset is required: the workspace dataset to study");
    }
    if (fractions == null || fractions.isEmpty()) {
      throw new IllegalArgumentException("--fractions needs at least one share of the train split, e.g. 0.01,0.1,1");
    }
    for (double f : fractions) {
      if (!(f > 0 && f <= 1)) {
        throw new IllegalArgumentException("--fractions: each share must be in (0, 1], got " + f);
      }
    }
    if (recipes == null || recipes.isEmpty()) {
      throw new IllegalArgumentException("--recipes needs at least one recipe, e.g. scratch,maskocr");
    }
    if (!(minutesPerRun > 0)) {
      throw new IllegalArgumentException("--minutes must be positive, got " + minutesPerRun);
    }
    fractions = fractions.stream().sorted().distinct().toList();
    recipes = List.copyOf(recipes);
  }
}
