package io.maskocr.engine.train;

import io.maskocr.engine.data.DataSource;
import io.maskocr.engine.model.ModelConfig;

/**
 * Turns a recipe's {@link DataSpec} into a {@link DataSource}. The app supplies one that knows
 * the workspace (splits) and the renderer (synthetic stream).
 */
@FunctionalInterface
public interface DataResolver {
  /**
   * @param spec what the recipe asks for
   * @param config model input size and channels
   * @param seed seed for augmentation / synthesis, derived from the run seed
   * @throws IllegalArgumentException with a user-facing message when the data is not available
   */
  DataSource resolve(DataSpec spec, ModelConfig config, long seed);

  /**
   * The checkpoint folder a recipe's {@code init} names ({@link InitCheckpoint}); run ids need
   * a resolver that knows the workspace.
   */
  default java.nio.file.Path resolveInit(String init) {
    return InitCheckpoint.resolve(init, null);
  }

  /**
   * What {@code spec} holds, for the run's provenance. Called once per source when a run starts;
   * must be cheap (one indexed query for a split). This default knows no workspace, so a split
   * is {@link DataFingerprint#unknown()}; resolvers that read a workspace override it.
   */
  default DataFingerprint fingerprint(DataSpec spec) {
    return DataFingerprints.of(null, spec);
  }

  /**
   * For a {@code pseudo} source, what it was read as (after {@link #resolve}): model, threshold
   * and counts for the run's provenance. Empty for other kinds and resolvers without a workspace.
   */
  default java.util.Optional<PseudoLabeler.PseudoSet> pseudoLabels(DataSpec spec) {
    return java.util.Optional.empty();
  }
}
