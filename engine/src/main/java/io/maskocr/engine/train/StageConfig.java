package io.maskocr.engine.train;

import java.util.List;

/**
 * One stage of a recipe with its hyper-parameters. Missing values take the defaults below.
 *
 * @param type stage type: {@code mim}, {@code finetune} (later {@code milm}, {@code dptr}, {@code odm})
 * @param steps optimizer steps
 * @param batchSize images per step (default 64)
 * @param lr peak learning rate (default 1e-3)
 * @param minLr final learning rate of the cosine decay (default lr / 100)
 * @param warmupSteps linear warm-up (default 5% of steps)
 * @param weightDecay AdamW decoupled weight decay on weight matrices (default 0.05)
 * @param clipNorm global gradient-norm clip, 0 = off (default 1.0)
 * @param labelSmoothing label smoothing of the recognition loss (default 0.1)
 * @param mask masking of the MIM stage
 * @param data sources, mixed by weight
 * @param params stage-specific numeric settings (milm, dptr, odm document their keys; each
 *     stage refuses keys it does not know)
 */
public record StageConfig(
    String type,
    Integer steps,
    Integer batchSize,
    Double lr,
    Double minLr,
    Integer warmupSteps,
    Double weightDecay,
    Double clipNorm,
    Double labelSmoothing,
    MaskSpec mask,
    List<DataSpec> data,
    java.util.Map<String, Double> params) {

  /** Applies defaults and checks ranges; messages name the value. */
  @com.fasterxml.jackson.annotation.JsonCreator
  public StageConfig {
    if (type == null || type.isBlank()) {
      throw new IllegalArgumentException("every stage needs a \"type\" (mim, finetune, ...)");
    }
    if (steps == null || steps <= 0) {
      throw new IllegalArgumentException("stage " + type + " needs \"steps\" > 0, got " + steps);
    }
    batchSize = batchSize == null ? 64 : batchSize;
    if (batchSize <= 0) {
      throw new IllegalArgumentException("stage " + type + ": batchSize must be positive, got " + batchSize);
    }
    lr = lr == null ? 1e-3 : lr;
    minLr = minLr == null ? lr / 100 : minLr;
    warmupSteps = warmupSteps == null ? Math.max(1, steps / 20) : warmupSteps;
    weightDecay = weightDecay == null ? 0.05 : weightDecay;
    clipNorm = clipNorm == null ? 1.0 : clipNorm;
    labelSmoothing = labelSmoothing == null ? 0.1 : labelSmoothing;
    mask = mask == null ? new MaskSpec(null, null) : mask;
    data = data == null ? List.of() : List.copyOf(data);
    params = params == null ? java.util.Map.of() : java.util.Map.copyOf(params);
    if (data.isEmpty()) {
      throw new IllegalArgumentException("stage " + type + " lists no \"data\" sources");
    }
    if (!(lr > 0) || !Double.isFinite(lr) || !(minLr >= 0) || minLr > lr) {
      throw new IllegalArgumentException("stage " + type + ": need 0 <= minLr <= lr and lr > 0, got lr " + lr + " minLr " + minLr
          + "; write finite numbers in that order");
    }
    // NaN passes every comparison but poisons every weight at the first step: refuse it here
    requireFiniteNonNegative(type, "weightDecay", weightDecay);
    requireFiniteNonNegative(type, "clipNorm", clipNorm);
    requireFiniteNonNegative(type, "labelSmoothing", labelSmoothing);
    if (warmupSteps < 0) {
      throw new IllegalArgumentException("stage " + type + ": warmupSteps must be >= 0, got " + warmupSteps);
    }
  }

  /** A stage without stage-specific params (the fields of mim and finetune). */
  public StageConfig(String type, Integer steps, Integer batchSize, Double lr, Double minLr, Integer warmupSteps,
      Double weightDecay, Double clipNorm, Double labelSmoothing, MaskSpec mask, List<DataSpec> data) {
    this(type, steps, batchSize, lr, minLr, warmupSteps, weightDecay, clipNorm, labelSmoothing, mask, data, null);
  }

  private static void requireFiniteNonNegative(String type, String key, double value) {
    if (!Double.isFinite(value) || value < 0) {
      throw new IllegalArgumentException("stage " + type + ": " + key + " must be a finite number >= 0, got " + value);
    }
  }

  /** The value of stage-specific setting {@code key}, or {@code fallback} when absent. */
  public double param(String key, double fallback) {
    Double v = params.get(key);
    return v == null ? fallback : v;
  }

  /** The same stage with another number of steps (warm-up scaled along). */
  public StageConfig withSteps(int newSteps) {
    int warm = (int) Math.max(1, Math.round((double) warmupSteps * newSteps / steps));
    return new StageConfig(type, newSteps, batchSize, lr, minLr, Math.min(warm, newSteps), weightDecay,
        clipNorm, labelSmoothing, mask, data, params);
  }
}
