package io.maskocr.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.maskocr.engine.data.BatchSampler;
import io.maskocr.engine.data.Sample;
import io.maskocr.engine.data.Seeds;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.ModelPart;
import io.maskocr.engine.model.HostArrays;
import io.maskocr.engine.model.Patches;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Masked image modeling (MaskOCR's encoder pre-training): hide a share of the patch strips,
 * encode only the visible ones, and regress the hidden patches' per-patch-normalized pixels
 * with a light decoder. Loss: MSE over the hidden patches (over all patches when ratio is 0).
 * Labels are ignored, so unlabeled real images are the intended data. With the stage param
 * {@code freezeEncoder} set to 1 only the MIM decoder learns.
 */
public final class MimStage implements Stage {
  /** A MIM batch in plain arrays; shapes in the field comments. */
  record MimBatch(
      List<Sample> samples,
      int visibleCount,
      float[] visible, // (B, Nv, P)
      float[] select, // (B, Nv, N) one-hot
      float[] masked, // (B, N, 1)
      float[] target, // (B, N, P) normalized per patch
      float[] weight, // (B, N, 1) loss weight
      boolean[][] masks,
      float[][][] stats) // [B][mean/std][N]
      implements HostBatch {}

  private final StageConfig config;
  private final StageContext context;
  private final ModelConfig model;
  private final Patches patches;
  private final MaskGenerator masks;
  private final BatchSampler sampler;

  /** A MIM stage reading {@code config.data()} through {@code context}. */
  public MimStage(StageConfig config, StageContext context) {
    this.config = config;
    this.context = context;
    this.model = context.config();
    this.patches = new Patches(model);
    this.masks = new MaskGenerator(MaskStrategy.parse(config.mask().strategy()), config.mask().ratio(), model);
    this.sampler = context.sampler(config, s -> true);
  }

  @Override
  public StageConfig config() {
    return config;
  }

  @Override
  public Set<ModelPart> trainableParts() {
    // "freezeEncoder": 1 trains the MIM decoder alone on a finished encoder, so a recognizer
    // (the starter) gains reconstructions to show without its reading changing at all
    return config.param("freezeEncoder", 0) > 0 ? EnumSet.of(ModelPart.MIM_DECODER)
        : EnumSet.of(ModelPart.ENCODER, ModelPart.MIM_DECODER);
  }

  @Override
  public HostBatch prepare(long step) {
    return build(sampler.batch(step, config.batchSize()), Seeds.mix(context.seed(), step, 7));
  }

  private MimBatch build(List<Sample> samples, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int b = samples.size();
    int n = patches.count();
    int p = patches.size();
    int nv = n - masks.maskedCount();
    float[] visible = new float[b * nv * p];
    float[] select = new float[b * nv * n];
    float[] masked = new float[b * n];
    float[] target = new float[b * n * p];
    float[] weight = new float[b * n];
    boolean[][] maskOf = new boolean[b][];
    float[][][] stats = new float[b][][];
    for (int i = 0; i < b; i++) {
      Sample s = samples.get(i);
      float[] raw = patches.patchify(s.pixels());
      float[] norm = raw.clone();
      stats[i] = patches.normalizeEachPatch(norm);
      System.arraycopy(norm, 0, target, i * n * p, n * p);
      boolean[] m = masks.next(r, s.charSpans());
      maskOf[i] = m;
      int j = 0;
      for (int idx = 0; idx < n; idx++) {
        if (m[idx]) {
          masked[i * n + idx] = 1f;
        } else {
          System.arraycopy(raw, idx * p, visible, (i * nv + j) * p, p);
          select[(i * nv + j) * n + idx] = 1f;
          j++;
        }
        weight[i * n + idx] = masks.maskedCount() == 0 || m[idx] ? 1f : 0f;
      }
    }
    return new MimBatch(samples, nv, visible, select, masked, target, weight, maskOf, stats);
  }

  @Override
  public StepOutput forward(MaskOcrModel m, ParameterStore ps, NDManager scope, HostBatch hb) {
    MimBatch batch = (MimBatch) hb;
    NDArray pred = predict(m, ps, scope, batch, true);
    int b = batch.samples().size();
    int n = patches.count();
    NDArray target = HostArrays.tensor(scope, batch.target(), new Shape(b, n, patches.size()));
    NDArray weight = HostArrays.tensor(scope, batch.weight(), new Shape(b, n, 1));
    float weightSum = 0;
    for (float w : batch.weight()) {
      weightSum += w;
    }
    NDArray perPatch = pred.sub(target).square().mean(new int[] {2}, true);
    NDArray loss = perPatch.mul(weight).sum().mul(HostArrays.scalar(scope, 1f / weightSum));
    return new StepOutput(loss, b, Double.NaN);
  }

  private NDArray predict(MaskOcrModel m, ParameterStore ps, NDManager scope, MimBatch batch, boolean training) {
    int b = batch.samples().size();
    int n = patches.count();
    int nv = batch.visibleCount();
    NDArray visible = HostArrays.tensor(scope, batch.visible(), new Shape(b, nv, patches.size()));
    NDArray select = HostArrays.tensor(scope, batch.select(), new Shape(b, nv, n));
    NDArray masked = HostArrays.tensor(scope, batch.masked(), new Shape(b, n, 1));
    return m.reconstruct(ps, visible, select, masked, training);
  }

  @Override
  public TrainingEvent snapshot(
      MaskOcrModel m, ParameterStore ps, NDManager scope, HostBatch hb, String runId, long step) {
    MimBatch full = (MimBatch) hb;
    MimBatch one = build(List.of(full.samples().get(0)), Seeds.mix(context.seed(), step, 11));
    float[] pred = predict(m, ps, scope, one, false).toFloatArray();
    int n = patches.count();
    int p = patches.size();
    float[][] st = one.stats()[0];
    for (int idx = 0; idx < n; idx++) {
      for (int k = 0; k < p; k++) {
        pred[idx * p + k] = pred[idx * p + k] * st[1][idx] + st[0][idx];
      }
    }
    return new TrainingEvent.Reconstruction(
        runId, step, model.channels(), model.imageHeight(), model.imageWidth(), model.patchHeight(),
        model.patchWidth(), one.samples().get(0).pixels().clone(), one.masks()[0], patches.unpatchify(pred));
  }

  @Override
  public List<String> dataProvenance() {
    return sampler.describe();
  }
}
