package io.maskocr.engine.annotate;

import io.maskocr.engine.train.CheckpointInfo;
import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.StageConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The recipe of one active-learning round, derived from the recipe that made the base
 * checkpoint, so that a round continues that training instead of starting a different one:
 *
 * <ul>
 *   <li>the same objective: label smoothing, weight decay, gradient clip and stage params
 *       (CTC weight) of the base's last fine-tune stage. A round that switched on label
 *       smoothing the base was trained without pulled an already-fitted model away from its
 *       optimum (val 0.970 to 0.917 in {@code bench annotate --steps 2000});
 *   <li>a low learning rate: a tenth of the base stage's peak (the base ended its cosine near
 *       its floor; a fresh optimizer at the full rate undoes what it learned), or the same rate
 *       when the base is itself a round, so repeated rounds do not shrink it;
 *   <li>the labelled train split mixed half and half with the data the base was fine-tuned on
 *       (the synthetic stream, another dataset), so a few hundred corrections do not make it
 *       forget the rest. The base's data that is this very split, or is gone, is left out.
 * </ul>
 */
final class RoundRecipe {
  static final String NAME = "finetune-on-corrections";

  /** lr = base peak / this, when no rate is asked for. */
  static final double LR_DIVISOR = 10;

  /** Rate when the base recipe has no fine-tune stage to learn it from (a MIM-only base). */
  static final double FALLBACK_LR = 1e-4;

  private RoundRecipe() {}

  /**
   * @param available whether a data source of the base recipe can still be read here
   */
  static Recipe of(FinetuneRequest req, CheckpointInfo base, Predicate<DataSpec> available) {
    StageConfig prior = lastFinetune(base.recipe());
    double lr = lr(req, base.recipe(), prior);
    DataSpec own = own(req);
    List<DataSpec> data = new ArrayList<>();
    data.add(own);
    data.addAll(replay(prior, own, available));
    StageConfig stage = new StageConfig("finetune", req.steps(), req.batchSize(), lr, lr / 10,
        Math.max(1, req.steps() / 10),
        prior == null ? null : prior.weightDecay(),
        prior == null ? null : prior.clipNorm(),
        prior == null ? null : prior.labelSmoothing(),
        null, data, prior == null ? null : prior.params());
    return new Recipe(NAME, "Active-learning round: fine-tune " + base.runId() + "@" + base.step()
        + " on the labelled train split of " + req.dataset()
        + (data.size() > 1 ? ", mixed half and half with the data it was fine-tuned on" : ""),
        req.seed(), base.recipe().model(), 60.0, Math.max(1, Math.min(10, req.steps() / 10)), Integer.MAX_VALUE,
        List.of(stage));
  }

  /** The round's own data: the dataset's labelled train split, with the asked augmentation. */
  static DataSpec own(FinetuneRequest req) {
    return DataSpec.split(req.dataset(), "train", req.augment());
  }

  /** True when {@code spec} is the round's own split (whatever its weight or augmentation). */
  static boolean isOwn(DataSpec spec, DataSpec own) {
    return spec.kind().equals("split") && Objects.equals(spec.dataset(), own.dataset())
        && Objects.equals(spec.split(), own.split());
  }

  private static double lr(FinetuneRequest req, Recipe baseRecipe, StageConfig prior) {
    if (req.lr() != null) {
      return req.lr();
    }
    if (prior == null) {
      return FALLBACK_LR;
    }
    return NAME.equals(baseRecipe.name()) ? prior.lr() : prior.lr() / LR_DIVISOR;
  }

  /** The base's fine-tune data other than the own split, weighted to half of every batch. */
  private static List<DataSpec> replay(StageConfig prior, DataSpec own, Predicate<DataSpec> available) {
    if (prior == null) {
      return List.of();
    }
    List<DataSpec> kept = prior.data().stream().filter(d -> !isOwn(d, own)).filter(available).toList();
    double total = kept.stream().mapToDouble(DataSpec::weight).sum();
    return kept.stream().map(d -> new DataSpec(d.kind(), d.dataset(), d.split(), d.path(),
        own.weight() * d.weight() / total, d.augment(), d.style())).toList();
  }

  private static StageConfig lastFinetune(Recipe r) {
    StageConfig last = null;
    for (StageConfig s : r.stages()) {
      if (s.type().equals("finetune")) {
        last = s;
      }
    }
    return last;
  }
}
