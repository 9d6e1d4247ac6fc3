package io.maskocr.engine.train;

import io.maskocr.engine.data.BatchSampler;
import io.maskocr.engine.data.DataSource;
import io.maskocr.engine.data.Sample;
import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.ModelConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a stage may use: the model's shape and charset, the data resolver, its own seed (split
 * from the run seed by stage index) and the run's {@link AuxiliaryWeights}, where a stage keeps
 * the blocks it owns besides the model so checkpoints save them.
 */
public record StageContext(
    ModelConfig config, CharacterSet charset, DataResolver resolver, long seed, AuxiliaryWeights auxiliary) {

  /** A context whose stage-owned blocks start fresh (probes, tests). */
  public StageContext(ModelConfig config, CharacterSet charset, DataResolver resolver, long seed) {
    this(config, charset, resolver, seed, AuxiliaryWeights.none());
  }

  /** A sampler over the stage's sources, skipping samples {@code accept} rejects. */
  public BatchSampler sampler(StageConfig stage, Predicate<Sample> accept) {
    List<DataSource> sources = new ArrayList<>();
    double[] weights = new double[stage.data().size()];
    for (int i = 0; i < stage.data().size(); i++) {
      DataSpec spec = stage.data().get(i);
      sources.add(resolver.resolve(spec, config, io.maskocr.engine.data.Seeds.mix(seed, i)));
      weights[i] = spec.weight();
    }
    return new BatchSampler(sources, weights, seed, accept);
  }

  /** What {@link #encodableLabels()} keeps, in words, for the run's provenance. */
  public String encodableLabelsFilter() {
    return "labelled, encodable in " + charset.name() + ", 1-" + config.maxLength() + " characters";
  }

  /** Accepts labeled samples whose label the charset can encode within the max length. */
  public Predicate<Sample> encodableLabels() {
    return s -> {
      if (!s.labeled() || !charset.canEncode(s.label())) {
        return false;
      }
      int len = charset.normalize(s.label()).codePointCount(0, charset.normalize(s.label()).length());
      return len >= 1 && len <= config.maxLength();
    };
  }
}
