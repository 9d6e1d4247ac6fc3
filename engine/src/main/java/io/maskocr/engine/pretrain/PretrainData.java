package io.maskocr.engine.pretrain;

import io.maskocr.engine.data.BatchSampler;
import io.maskocr.engine.data.DataSource;
import io.maskocr.engine.data.Sample;
import io.maskocr.engine.data.Seeds;
import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.StageConfig;
import io.maskocr.engine.train.StageContext;
import io.maskocr.engine.train.SyntheticResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Data plumbing shared by the pre-training stages: synthetic specs read the renderer directly. */
final class PretrainData {
  private PretrainData() {}

  /**
   * The renderer stream of a stage (seeded from the stage seed), in the style file of its first
   * {@code synthetic} data spec that names one, else the built-in style.
   */
  static SyntheticText synthetic(StageContext context, StageConfig stage) {
    DataSpec styled = stage.data().stream().filter(d -> d.kind().equals("synthetic") && d.style() != null)
        .findFirst().orElse(DataSpec.synthetic());
    return new SyntheticText(context.config(), context.charset(), Seeds.mix(context.seed(), 0x5e7),
        SyntheticResolver.style(styled));
  }

  /**
   * A sampler over the stage's sources: {@code synthetic} specs come from {@code text}, the
   * others from the run's resolver (workspace splits, folders).
   */
  static BatchSampler sampler(StageContext context, StageConfig stage, SyntheticText text, Predicate<Sample> accept) {
    List<DataSource> sources = new ArrayList<>();
    double[] weights = new double[stage.data().size()];
    for (int i = 0; i < stage.data().size(); i++) {
      DataSpec spec = stage.data().get(i);
      sources.add(spec.kind().equals("synthetic")
          ? new CharsetSyntheticSource(text)
          : context.resolver().resolve(spec, context.config(), Seeds.mix(context.seed(), i)));
      weights[i] = spec.weight();
    }
    return new BatchSampler(sources, weights, context.seed(), accept);
  }

  /** Refuses params a stage does not know, naming the known ones. */
  static void checkParams(StageConfig stage, List<String> known) {
    for (String k : stage.params().keySet()) {
      if (!known.contains(k)) {
        throw new IllegalArgumentException(
            "stage " + stage.type() + " has no setting '" + k + "' in \"params\"; it knows " + known);
      }
    }
  }

  /** A param that must lie in [lo, hi]. */
  static double param(StageConfig stage, String key, double fallback, double lo, double hi) {
    double v = stage.param(key, fallback);
    if (!(v >= lo && v <= hi)) {
      throw new IllegalArgumentException(
          "stage " + stage.type() + ": params." + key + " must be within " + lo + ".." + hi + ", got " + v);
    }
    return v;
  }
}
