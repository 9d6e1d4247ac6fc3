package io.maskocr.engine.train;

/**
 * Limits of one training session (the recipe says what to train; these say when to stop early
 * with a checkpoint).
 *
 * @param stopAtStep stop once this global step is reached (-1 = run the whole recipe)
 * @param maxMinutes stop after this many minutes of this session (0 = no limit)
 * @param background train at a low CPU priority (nice 10 on Linux), so a UI on the same cores
 *     stays smooth; on a busy machine training then gets less of the CPU
 * @param fitSchedule shrink the schedule to end inside {@code maxMinutes} (see {@link #fittedTo})
 */
public record TrainingOptions(long stopAtStep, double maxMinutes, boolean background, boolean fitSchedule) {
  /** Limits at normal priority (the CLI); {@code maxMinutes} cuts the schedule off. */
  public TrainingOptions(long stopAtStep, double maxMinutes) {
    this(stopAtStep, maxMinutes, false, false);
  }

  /** Limits; {@code maxMinutes} cuts the schedule off. */
  public TrainingOptions(long stopAtStep, double maxMinutes, boolean background) {
    this(stopAtStep, maxMinutes, background, false);
  }

  /** Run the whole recipe. */
  public static TrainingOptions unlimited() {
    return new TrainingOptions(-1, 0);
  }

  /**
   * Fit the whole schedule into {@code minutes} on this machine ({@link ScheduleFit}): the pace
   * is measured over each stage's first steps and the stages shrink so that they end annealed in
   * time; the minutes still stop the run should the machine slow down later.
   */
  public static TrainingOptions fittedTo(double minutes) {
    return new TrainingOptions(-1, minutes, false, true);
  }

  /** The same limits at a low CPU priority (the app, where the UI must stay smooth). */
  public TrainingOptions inBackground() {
    return new TrainingOptions(stopAtStep, maxMinutes, true, fitSchedule);
  }
}
