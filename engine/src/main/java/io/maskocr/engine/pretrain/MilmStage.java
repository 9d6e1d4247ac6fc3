package io.maskocr.engine.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.maskocr.engine.data.BatchSampler;
import io.maskocr.engine.data.Sample;
import io.maskocr.engine.data.Seeds;
import io.maskocr.engine.model.HostArrays;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.model.ModelPart;
import io.maskocr.engine.train.HostBatch;
import io.maskocr.engine.train.StageConfig;
import io.maskocr.engine.train.StageContext;
import io.maskocr.engine.train.StepOutput;
import io.maskocr.engine.train.TrainingEvent;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Masked image-language modeling (MaskOCR's decoder pre-training). The encoder is frozen (only
 * the character decoder is in {@link #trainableParts()}), so the visual features learned by MIM
 * on real images are not bent towards synthetic ones. On synthetic text with character boxes
 * the strips covering a share {@code mask.ratio} of the characters are erased; the decoder
 * must still name every character, which it can only do for the erased ones from the
 * surrounding characters: a language model inside the recognizer. The loss is the
 * label-smoothed cross-entropy over the whole text, with masked characters weighted
 * {@code params.maskedWeight} (default 3) times the others.
 *
 * <p>Params: {@code maskedWeight} (1..20). Data: {@code synthetic} (boxes known) and/or
 * workspace splits (random columns hidden instead).
 */
public final class MilmStage extends PretrainStage {
  /** Known {@code params} keys. */
  public static final List<String> PARAMS = List.of("maskedWeight");

  /** A MILM batch in plain arrays. */
  record MilmBatch(List<Sample> samples, float[] patches, TextTargets targets, CharacterMask[] masks)
      implements HostBatch {}

  private final double ratio;
  private final float maskedWeight;
  private final BatchSampler sampler;

  /** A MILM stage reading {@code config.data()}; see the class comment for its settings. */
  public MilmStage(StageConfig config, StageContext context) {
    super(config, context, PARAMS, EnumSet.of(ModelPart.CHAR_DECODER));
    this.ratio = config.mask().ratio();
    this.maskedWeight = (float) PretrainData.param(config, "maskedWeight", 3.0, 1.0, 20.0);
    this.sampler = PretrainData.sampler(context, config, PretrainData.synthetic(context, config), context.encodableLabels());
  }

  @Override
  public HostBatch prepare(long step) {
    return build(sampler.batch(step, config.batchSize()), Seeds.mix(context.seed(), step, 13));
  }

  private MilmBatch build(List<Sample> samples, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int np = patches.count() * patches.size();
    float[] px = patchesOf(samples);
    TextTargets targets = new TextTargets(charset, samples.size(), model.queryCount(), config.labelSmoothing().floatValue());
    CharacterMask[] masks = new CharacterMask[samples.size()];
    for (int i = 0; i < samples.size(); i++) {
      Sample s = samples.get(i);
      masks[i] = CharacterMask.choose(patches, model.gridHeight(), spansOf(s), ratio, r);
      masks[i].erase(px, i * np, patches.size());
      targets.set(i, s.label(), masks[i].characters(), maskedWeight);
    }
    return new MilmBatch(samples, px, targets, masks);
  }

  /** Spans only when they match the label one to one (else masking falls back to columns). */
  private float[] spansOf(Sample s) {
    float[] sp = s.charSpans();
    String label = charset.normalize(s.label());
    return sp != null && sp.length == 2 * label.codePointCount(0, label.length()) ? sp : null;
  }

  private NDList run(MaskOcrModel m, ParameterStore ps, NDManager scope, MilmBatch batch, boolean training) {
    NDArray input = HostArrays.tensor(scope, batch.patches(), new Shape(batch.samples().size(), patches.count(), patches.size()));
    return m.recognize(ps, input, training);
  }

  @Override
  public StepOutput forward(MaskOcrModel m, ParameterStore ps, NDManager scope, HostBatch hb) {
    MilmBatch batch = (MilmBatch) hb;
    NDArray logits = run(m, ps, scope, batch, true).get(0);
    NDArray loss = batch.targets().loss(scope, logits);
    double acc = batch.targets().wordAccuracy(logits.argMax(2).toLongArray());
    return new StepOutput(loss, batch.samples().size(), acc);
  }

  /**
   * What the decoder makes of one masked image, for the MILM viewer.
   *
   * @return the masked input, the label, which characters were hidden and the decoder's reading
   */
  public MilmProbe.Result probe(MaskOcrModel m, ParameterStore ps, NDManager scope, Sample sample, long seed) {
    MilmBatch one = build(List.of(sample), seed);
    return result(one, DecoderReading.of(run(m, ps, scope, one, false), model, charset));
  }

  private MilmProbe.Result result(MilmBatch one, DecoderReading reading) {
    return MilmProbe.result(model, patches.unpatchify(one.patches()), one.masks()[0], one.targets().labels[0],
        charset, reading.decoded(), reading.probabilities());
  }

  @Override
  public TrainingEvent snapshot(
      MaskOcrModel m, ParameterStore ps, NDManager scope, HostBatch hb, String runId, long step) {
    MilmBatch one = build(List.of(hb.samples().get(0)), Seeds.mix(context.seed(), step, 17));
    DecoderReading reading = DecoderReading.of(run(m, ps, scope, one, false), model, charset);
    sink.milm(runId, step, result(one, reading));
    return reading.snapshot(model, charset, runId, step, patches.unpatchify(one.patches()), one.targets().labels[0]);
  }

  @Override
  public List<String> dataProvenance() {
    return sampler.describe();
  }

  @Override
  public String sampleFilter() {
    return context.encodableLabelsFilter();
  }
}
