package io.maskocr.engine.train;

/**
 * Measures a stage's pace for {@link ScheduleFit}: first over its first steps in this session,
 * then again over each later tenth of the stage, so a machine that slows down on the way (other
 * work starting beside the training) still ends its schedule in time. The first few steps are
 * skipped: they include the engine's warm-up and are slower than the rest.
 */
final class SchedulePace {
  static final int SKIP = 3;
  private final long firstWindowEnd;
  private long window;
  private long windowStart;
  private long windowStartNanos;
  private double secondsPerStep = Double.NaN;

  /**
   * @param firstStep global step the stage resumes or starts at
   * @param stageSteps the stage's planned steps (short stages measure fewer steps)
   */
  SchedulePace(long firstStep, long stageSteps) {
    this.windowStart = firstStep + SKIP;
    this.firstWindowEnd = windowStart + Math.max(3, Math.min(30, stageSteps / 20));
    this.window = Math.max(10, stageSteps / 10);
  }

  /** Called after each step; true when a pace has just been measured (refit now). */
  boolean measured(long stepsDone) {
    if (stepsDone == windowStart) {
      windowStartNanos = System.nanoTime();
      return false;
    }
    if (windowStartNanos == 0) {
      return false;
    }
    long end = Double.isNaN(secondsPerStep) ? firstWindowEnd : windowStart + window;
    if (stepsDone == end) {
      long now = System.nanoTime();
      secondsPerStep = (now - windowStartNanos) / 1e9 / (stepsDone - windowStart);
      windowStart = stepsDone;
      windowStartNanos = now;
      return true;
    }
    return false;
  }

  /**
   * The stage was refitted to {@code stageSteps}: later windows are a tenth of that, not of the
   * plan (a plan of a million steps fitted to a thousand would otherwise never measure again).
   */
  void stageResized(long stageSteps) {
    window = Math.max(10, stageSteps / 10);
  }

  double secondsPerStep() {
    return secondsPerStep;
  }
}
