package io.maskocr.engine.train;

/** Linear warm-up then cosine decay, as a pure function of the step (resumes are exact). */
public final class LearningRate {
  private LearningRate() {}

  /**
   * @param step stage step, 0-based
   * @param cfg the stage (steps, warm-up, peak and final rate)
   * @return the learning rate to use at {@code step}
   */
  public static double at(long step, StageConfig cfg) {
    long warm = cfg.warmupSteps();
    if (step < warm) {
      return cfg.lr() * (step + 1) / warm;
    }
    // the stage's last step (steps - 1) is at minLr: a schedule ends annealed
    double progress = Math.min(1.0, (double) (step - warm) / Math.max(1, cfg.steps() - 1 - warm));
    return cfg.minLr() + 0.5 * (cfg.lr() - cfg.minLr()) * (1 + Math.cos(Math.PI * progress));
  }
}
