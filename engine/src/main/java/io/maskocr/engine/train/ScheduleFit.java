package io.maskocr.engine.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits a recipe's remaining schedule into a time budget. {@code --minutes M} measures the pace
 * over a stage's first steps and shrinks that stage and the ones after it in proportion, so that
 * every warm-up and cosine decay still ends, annealed, inside the budget: a slow machine gets a
 * shorter complete schedule instead of one cut off at a high learning rate. A later, faster pace
 * gives back steps (see {@link #withPlannedRest}), never more than the recipe planned.
 */
public final class ScheduleFit {
  /** Share of the budget kept free for the checkpoints and the pace changing on the way. */
  static final double RESERVE = 0.04;

  private ScheduleFit() {}

  /**
   * The stages already run as they are in {@code current}, the rest as {@code planned}: what a
   * refit scales down from, so a pace that got faster gives back steps a pessimistic first
   * measurement took away, up to the planned schedule.
   */
  public static Recipe withPlannedRest(Recipe current, Recipe planned, int stageIndex) {
    if (planned.stages().size() != current.stages().size()) {
      return current;
    }
    List<StageConfig> stages = new ArrayList<>(current.stages().subList(0, stageIndex));
    stages.addAll(planned.stages().subList(stageIndex, planned.stages().size()));
    return current.withStages(stages);
  }

  /**
   * @param recipe the current (possibly already fitted) recipe
   * @param stageIndex the stage now running
   * @param stageStepsDone steps of that stage already taken (they stay)
   * @param secondsPerStep measured pace of that stage
   * @param secondsLeft time left in the budget
   * @return the recipe with stages {@code stageIndex..} scaled down to fit, or {@code recipe}
   *     when it already fits
   */
  public static Recipe fit(Recipe recipe, int stageIndex, long stageStepsDone, double secondsPerStep,
      double secondsLeft) {
    List<StageConfig> stages = recipe.stages();
    long remaining = -stageStepsDone;
    for (int i = stageIndex; i < stages.size(); i++) {
      remaining += stages.get(i).steps();
    }
    double affordable = Math.max(0, secondsLeft * (1 - RESERVE)) / Math.max(secondsPerStep, 1e-9);
    if (remaining <= 0 || affordable >= remaining) {
      return recipe;
    }
    // Scale the whole remaining plan (current stage counted in full) by one factor, so the
    // stages keep their proportions; the current stage never ends before the steps it took.
    double whole = remaining + stageStepsDone;
    double factor = (affordable + stageStepsDone) / whole;
    List<StageConfig> fitted = new ArrayList<>(stages.subList(0, stageIndex));
    for (int i = stageIndex; i < stages.size(); i++) {
      StageConfig s = stages.get(i);
      int steps = (int) Math.max(1, Math.round(s.steps() * factor));
      if (i == stageIndex) {
        steps = (int) Math.max(steps, stageStepsDone + 1);
      }
      fitted.add(steps < s.steps() ? s.withSteps(steps) : s);
    }
    return recipe.withStages(fitted);
  }
}
