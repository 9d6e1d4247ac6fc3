package io.maskocr.engine.train;

import io.maskocr.engine.data.Seeds;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link SourceProvenance} of every data source of every stage of a run, taken when the run
 * starts (after its stages resolved their data) with the same seeds the stages were given.
 */
public final class DataProvenance {
  private DataProvenance() {}

  /**
   * @param recipe the run's recipe
   * @param stages the stages built from it, in order (their sample filters are recorded)
   * @param resolver the resolver the stages read through
   */
  public static List<SourceProvenance> of(Recipe recipe, List<Stage> stages, DataResolver resolver) {
    List<SourceProvenance> out = new ArrayList<>();
    for (int i = 0; i < recipe.stages().size(); i++) {
      StageConfig sc = recipe.stages().get(i);
      long stageSeed = stageSeed(recipe, i);
      String filter = i < stages.size() ? stages.get(i).sampleFilter() : "";
      for (int j = 0; j < sc.data().size(); j++) {
        DataFingerprint f = resolver.fingerprint(sc.data().get(j));
        out.add(SourceProvenance.of(i, sc, j, Seeds.mix(stageSeed, j), filter, f,
            resolver.pseudoLabels(sc.data().get(j)).orElse(null)));
      }
    }
    return out;
  }

  /** The seed stage {@code index} is given (the training service splits it from the run seed). */
  static long stageSeed(Recipe recipe, int index) {
    return Seeds.mix(recipe.seed(), index + 1);
  }
}
