package io.maskocr.app.ui.experiments;

import java.util.List;

/** Names of the stored metrics the experiments views show, and which direction is better. */
final class Metric {
  static final String LOSS = "loss";
  static final String ACCURACY = "accuracy";
  static final String LR = "lr";
  static final String IMAGES_PER_S = "images_per_s";
  static final String ELAPSED = io.maskocr.engine.run.RunLauncher.ELAPSED_METRIC;

  /**
   * Evaluation figures ({@code maskocr eval}, of runs and of external models' baseline runs alike):
   * the latest evaluation's value is shown, so one table holds trained runs and baselines.
   */
  static final List<String> EVAL = List.of("accuracy36", "accuracy_full", "one_minus_ned");

  /** Column title of an eval metric: {@code eval acc36}, {@code eval exact}, {@code eval 1-NED}. */
  static String evalTitle(String metric) {
    return switch (metric) {
      case "accuracy36" -> "eval acc36";
      case "accuracy_full" -> "eval exact";
      case "one_minus_ned" -> "eval 1-NED";
      default -> "eval " + metric;
    };
  }

  /** Metrics shown in tables and offered in comparisons. */
  static final List<String> SHOWN = List.of(LOSS, ACCURACY, LR, IMAGES_PER_S);

  private Metric() {}

  /** True when a smaller value is better (loss); accuracy and throughput are better larger. */
  static boolean lowerIsBetter(String name) {
    return name.equals(LOSS) || name.endsWith("loss");
  }
}
