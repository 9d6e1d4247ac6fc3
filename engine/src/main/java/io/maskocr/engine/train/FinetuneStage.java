package io.maskocr.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.maskocr.engine.data.BatchSampler;
import io.maskocr.engine.data.Sample;
import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.GreedyDecoding;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.ModelPart;
import io.maskocr.engine.model.HostArrays;
import io.maskocr.engine.model.Patches;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Supervised recognition training of encoder and character decoder: cross-entropy (with label
 * smoothing) of every position up to and including the end token; later positions are ignored.
 * An auxiliary CTC loss on the encoder tokens (weight {@code ctcWeight}, default 1) gets the
 * tiny model off the "most frequent letter at each position" plateau within a few hundred
 * steps; without it the attention decoder alone stayed there for thousands.
 */
public final class FinetuneStage implements Stage {
  /** A labeled batch in plain arrays. */
  record TextBatch(
      List<Sample> samples,
      String[] labels, // normalized by the charset
      float[] patches, // (B, N, P)
      float[] target, // (B, T, V) smoothed one-hot
      float[] weight, // (B, T) 1 up to and including the end token
      CtcTargets ctc) // the same labels for the auxiliary CTC loss
      implements HostBatch {}

  /** Weight of the auxiliary CTC loss (stage param {@code ctcWeight}; 0 turns it off). */
  static final double DEFAULT_CTC_WEIGHT = 1.0;

  private final StageConfig config;
  private final ModelConfig model;
  private final CharacterSet charset;
  private final Patches patches;
  private final BatchSampler sampler;
  private final float ctcWeight;
  private final String filter;

  /** A fine-tuning stage reading {@code config.data()} through {@code context}. */
  public FinetuneStage(StageConfig config, StageContext context) {
    this.config = config;
    this.model = context.config();
    this.charset = context.charset();
    this.patches = new Patches(model);
    this.sampler = context.sampler(config, context.encodableLabels());
    this.filter = context.encodableLabelsFilter();
    this.ctcWeight = (float) config.param("ctcWeight", DEFAULT_CTC_WEIGHT);
  }

  @Override
  public StageConfig config() {
    return config;
  }

  @Override
  public Set<ModelPart> trainableParts() {
    return ctcWeight > 0
        ? EnumSet.of(ModelPart.ENCODER, ModelPart.CHAR_DECODER, ModelPart.CTC_HEAD)
        : EnumSet.of(ModelPart.ENCODER, ModelPart.CHAR_DECODER);
  }

  @Override
  public HostBatch prepare(long step) {
    return build(sampler.batch(step, config.batchSize()));
  }

  private TextBatch build(List<Sample> samples) {
    int b = samples.size();
    int n = patches.count();
    int p = patches.size();
    int t = model.queryCount();
    int v = charset.vocabularySize();
    float eps = config.labelSmoothing().floatValue();
    float[] px = new float[b * n * p];
    float[] target = new float[b * t * v];
    float[] weight = new float[b * t];
    String[] labels = new String[b];
    int[][] symbols = new int[b][];
    for (int i = 0; i < b; i++) {
      Sample s = samples.get(i);
      patches.patchify(s.pixels(), px, i * n * p);
      labels[i] = charset.normalize(s.label());
      int[] ids = charset.encode(s.label());
      symbols[i] = java.util.Arrays.copyOf(ids, ids.length - 1);
      for (int pos = 0; pos < ids.length; pos++) {
        int base = (i * t + pos) * v;
        for (int k = 0; k < v; k++) {
          target[base + k] = eps / v;
        }
        target[base + ids[pos]] += 1f - eps;
        weight[i * t + pos] = 1f;
      }
    }
    return new TextBatch(samples, labels, px, target, weight, CtcTargets.of(symbols, v, n));
  }

  @Override
  public StepOutput forward(MaskOcrModel m, ParameterStore ps, NDManager scope, HostBatch hb) {
    TextBatch batch = (TextBatch) hb;
    int b = batch.samples().size();
    int t = model.queryCount();
    int v = charset.vocabularySize();
    NDArray input = HostArrays.tensor(scope, batch.patches(), new Shape(b, patches.count(), patches.size()));
    NDArray features = m.encode(ps, input, true);
    NDArray logits = m.decode(ps, features, true).get(0);
    NDArray target = HostArrays.tensor(scope, batch.target(), new Shape(b, t, v));
    NDArray weight = HostArrays.tensor(scope, batch.weight(), new Shape(b, t));
    float weightSum = 0;
    for (float w : batch.weight()) {
      weightSum += w;
    }
    NDArray nll = logits.logSoftmax(2).mul(target).sum(new int[] {2}).neg();
    NDArray loss = nll.mul(weight).sum().mul(HostArrays.scalar(scope, 1f / weightSum));
    if (ctcWeight > 0) {
      NDArray ctc = CtcLoss.of(m.ctcLogits(ps, features, true), batch.ctc(), scope);
      loss = loss.add(ctc.mul(HostArrays.scalar(scope, ctcWeight)));
    }
    long[] best = logits.argMax(2).toLongArray();
    int correct = 0;
    for (int i = 0; i < b; i++) {
      StringBuilder sb = new StringBuilder();
      for (int pos = 0; pos < t; pos++) {
        int id = (int) best[i * t + pos];
        if (id == CharacterSet.EOS) {
          break;
        }
        sb.append(charset.symbol(id));
      }
      if (sb.toString().equals(batch.labels()[i])) {
        correct++;
      }
    }
    return new StepOutput(loss, b, (double) correct / b);
  }

  @Override
  public TrainingEvent snapshot(
      MaskOcrModel m, ParameterStore ps, NDManager scope, HostBatch hb, String runId, long step) {
    TextBatch one = build(List.of(hb.samples().get(0)));
    NDArray input = HostArrays.tensor(scope, one.patches(), new Shape(1, patches.count(), patches.size()));
    NDList out = m.recognize(ps, input, false);
    int t = model.queryCount();
    int v = charset.vocabularySize();
    GreedyDecoding.Decoded d = GreedyDecoding.decode(out.get(0).softmax(2).toFloatArray(), 0, t, v);
    float[] att = out.get(1).toFloatArray();
    int rows = Math.min(t, d.tokens().length + 1);
    int n = patches.count();
    float[][] attention = new float[rows][n];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(att, r * n, attention[r], 0, n);
    }
    return new TrainingEvent.AttentionSnapshot(
        runId, step, model.channels(), model.imageHeight(), model.imageWidth(), model.gridHeight(),
        model.gridWidth(), one.samples().get(0).pixels().clone(), one.labels()[0],
        charset.decode(d.tokens()), attention);
  }

  @Override
  public List<String> dataProvenance() {
    return sampler.describe();
  }

  @Override
  public String sampleFilter() {
    return filter;
  }
}
