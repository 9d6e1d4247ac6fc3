package io.maskocr.engine.train;

/**
 * Limits of one training session (the recipe says what to train; these say when to stop early
 * with a checkpoint).
 *
 * @param stopAtStep stop once this global step is reached (-1 = run the whole recipe)
 * @param maxMinutes stop after this many minutes of this session (0 = no limit)
 */
public record TrainingOptions(long stopAtStep, double maxMinutes) {
  /** Run the whole recipe. */
  public static TrainingOptions unlimited() {
    return new TrainingOptions(-1, 0);
  }
}
