package io.maskocr.engine.study;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a low-label study runs: every recipe on every labelled fraction of a dataset's train
 * split, each run with the same seed and a budget, evaluated on the test split.
 *
 * <p>The budget is either time ({@code minutesPerRun}: every recipe is scaled to fill it, with
 * step costs measured on this machine) or steps ({@code steps}: each recipe scaled to its own
 * number of steps, so the result does not depend on how busy the machine was). With steps,
 * {@code minutesPerRun} is an optional hard cap (0 = none).
 *
 * @param dataset workspace dataset with {@code train} and {@code test} splits
 * @param fractions shares of the labelled train split, each in (0, 1]
 * @param recipes built-in recipe names or recipe files
 * @param minutesPerRun training budget of one run (pre-training + fine-tuning); with {@code steps}
 *     a hard cap, 0 for none
 * @param seed one seed for every run and for choosing the labelled subsets
 * @param preset model preset overriding the recipes' (null keeps theirs)
 * @param steps total steps per recipe name ({@value #EVERY} = every recipe not named); empty for a time budget
 * @param inits weights every recipe starts from, each a row of its own: {@value #RECIPE_INIT} (the
 *     recipe's own {@code init}), {@value #RANDOM_INIT}, {@code starter}, a run id or a checkpoint folder;
 *     runs are compared at equal fine-tuning steps, the pre-training that made an init counted once
 */
public record StudyConfig(String dataset, List<Double> fractions, List<String> recipes, double minutesPerRun,
    long seed, String preset, Map<String, Long> steps, List<String> inits) {
  /** Key of {@link #steps} that applies to every recipe not named. */
  public static final String EVERY = "*";

  /** The init that keeps each recipe's own. */
  public static final String RECIPE_INIT = "recipe";

  /** The init that starts from random weights. */
  public static final String RANDOM_INIT = "random";

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
    steps = steps == null ? Map.of() : Map.copyOf(steps);
    if (steps.isEmpty() ? !(minutesPerRun > 0) : !(minutesPerRun >= 0)) {
      throw new IllegalArgumentException(steps.isEmpty()
          ? "give a budget: --minutes M (positive) or --steps N, got --minutes " + minutesPerRun
          : "--minutes (the time cap with --steps) must be 0 (none) or positive, got " + minutesPerRun);
    }
    for (Map.Entry<String, Long> e : steps.entrySet()) {
      if (!e.getKey().equals(EVERY) && !recipes.contains(e.getKey())) {
        throw new IllegalArgumentException("--steps names recipe '" + e.getKey() + "', which is not in --recipes " + recipes
            + ": name it as --recipes does (a recipe file by its path), or give one N for every recipe");
      }
      if (e.getValue() == null || e.getValue() <= 0) {
        throw new IllegalArgumentException("--steps for " + e.getKey() + " must be positive, got " + e.getValue());
      }
    }
    if (!steps.isEmpty() && !steps.containsKey(EVERY)) {
      for (String r : recipes) {
        if (!steps.containsKey(r)) {
          throw new IllegalArgumentException("--steps gives no budget for recipe " + r
              + ": add " + r + "=N, or a bare N for every recipe not named");
        }
      }
    }
    fractions = fractions.stream().sorted().distinct().toList();
    recipes = List.copyOf(recipes);
    inits = inits == null || inits.isEmpty() ? List.of(RECIPE_INIT)
        : inits.stream().map(String::strip).filter(i -> !i.isEmpty()).distinct().toList();
  }

  /** Every recipe from its own init. */
  public StudyConfig(String dataset, List<Double> fractions, List<String> recipes, double minutesPerRun, long seed,
      String preset, Map<String, Long> steps) {
    this(dataset, fractions, recipes, minutesPerRun, seed, preset, steps, List.of(RECIPE_INIT));
  }

  /** A time budget: {@code minutesPerRun} per run, steps fitted to it. */
  public StudyConfig(String dataset, List<Double> fractions, List<String> recipes, double minutesPerRun, long seed,
      String preset) {
    this(dataset, fractions, recipes, minutesPerRun, seed, preset, Map.of(), List.of(RECIPE_INIT));
  }

  /**
   * {@code recipe} as started from {@code init} (one of {@link #inits}): its own init for
   * {@value #RECIPE_INIT}, named after the init otherwise, so the report keeps the rows apart.
   */
  public static io.maskocr.engine.train.Recipe fromInit(io.maskocr.engine.train.Recipe recipe, String init) {
    if (RECIPE_INIT.equals(init)) {
      return recipe;
    }
    return recipe.withInit(RANDOM_INIT.equals(init) ? null : init).withName(recipe.name() + " from " + init);
  }

  /** Whether runs have step budgets (else the time budget is fitted). */
  public boolean stepBudget() {
    return !steps.isEmpty();
  }

  /** Total steps of recipe {@code name} under a step budget. */
  public long stepsOf(String name) {
    Long v = steps.get(name);
    return v != null ? v : steps.get(EVERY);
  }

  /** The budget in words, for reports and plots. */
  public String budget() {
    if (!stepBudget()) {
      return trim(minutesPerRun) + " min of training per run (same for every recipe; steps fitted to it with "
          + "step costs measured on this machine, the time also enforced as a cap)";
    }
    StringBuilder sb = new StringBuilder("steps per run: ");
    for (int i = 0; i < recipes.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(recipes.get(i)).append(' ').append(stepsOf(recipes.get(i)));
    }
    sb.append(" (each recipe's stages scaled in proportion); ");
    return sb.append(minutesPerRun > 0 ? "time cap " + trim(minutesPerRun) + " min per run" : "no time cap").toString();
  }

  /**
   * Parses {@code --steps}: a bare number for every recipe, {@code name=N} pairs, or both
   * ({@code 2000,maskocr=2600}), comma separated.
   *
   * @throws IllegalArgumentException naming the entry that is not a whole number
   */
  public static Map<String, Long> parseSteps(String spec) {
    Map<String, Long> out = new LinkedHashMap<>();
    if (spec == null || spec.isBlank()) {
      return out;
    }
    for (String part : spec.split(",")) {
      String p = part.strip();
      int eq = p.indexOf('=');
      String name = eq < 0 ? EVERY : p.substring(0, eq).strip();
      String n = eq < 0 ? p : p.substring(eq + 1).strip();
      try {
        out.put(name, Long.parseLong(n));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--steps: '" + p + "' is not N or RECIPE=N with a whole number N");
      }
    }
    return out;
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
