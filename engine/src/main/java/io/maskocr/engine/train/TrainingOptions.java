package io.maskocr.engine.train;

/**
 * Limits of one training session (the recipe says what to train; these say when to stop early
 * with a checkpoint).
 *
 * @param stopAtStep stop once this global step is reached (-1 = run the whole recipe)
 * @param maxMinutes stop after this many minutes of this session (0 = no limit)
 * @param background train at a low CPU priority (nice 10 on Linux), so a UI on the same cores
 *     stays smooth; on a busy machine training then gets less of the CPU
 */
public record TrainingOptions(long stopAtStep, double maxMinutes, boolean background) {
  /** Limits at normal priority (the CLI). */
  public TrainingOptions(long stopAtStep, double maxMinutes) {
    this(stopAtStep, maxMinutes, false);
  }

  /** Run the whole recipe. */
  public static TrainingOptions unlimited() {
    return new TrainingOptions(-1, 0);
  }

  /** The same limits at a low CPU priority (the app, where the UI must stay smooth). */
  public TrainingOptions inBackground() {
    return new TrainingOptions(stopAtStep, maxMinutes, true);
  }
}
