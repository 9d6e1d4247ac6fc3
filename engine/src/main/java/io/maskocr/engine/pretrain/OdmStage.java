package io.maskocr.engine.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import io.maskocr.engine.data.Sample;
import io.maskocr.engine.data.Seeds;
import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.HostArrays;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.ModelPart;
import io.maskocr.engine.model.NamedParameter;
import io.maskocr.engine.model.Patches;
import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.HostBatch;
import io.maskocr.engine.train.Stage;
import io.maskocr.engine.train.StageConfig;
import io.maskocr.engine.train.StageContext;
import io.maskocr.engine.train.StepOutput;
import io.maskocr.engine.train.TrainingEvent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Destylization pre-training (ODM): the encoder plus a light {@link PixelHead} turn a styled
 * synthetic word into the renderer's clean binary target (the same text in one canonical
 * font, black on white, same geometry). A {@link TextController} prompts the head with the
 * text, dropping or noising 10-30% of the characters (and erasing them from the target), so
 * the encoder must learn where each character is and which one it is. Loss: per-pixel binary
 * cross-entropy plus {@code diceWeight} x Dice loss (Dice counters the few-ink imbalance).
 * The trained encoder then feeds recognition fine-tuning; the head is discarded.
 *
 * <p>Params: {@code controlMin} (0.1), {@code controlMax} (0.3), {@code noiseShare} (0.5),
 * {@code diceWeight} (1). Data: {@code synthetic} only (clean targets come from the renderer).
 */
public final class OdmStage implements Stage {
  /** Known {@code params} keys. */
  public static final List<String> PARAMS = List.of("controlMin", "controlMax", "noiseShare", "diceWeight");

  /** An ODM batch in plain arrays. */
  record OdmBatch(List<Sample> samples, float[] patches, float[] prompt, float[] target, String[] prompts)
      implements HostBatch {}

  private final StageConfig config;
  private final StageContext context;
  private final ModelConfig model;
  private final CharacterSet charset;
  private final Patches patches;
  private final SyntheticText synthetic;
  private final TextController controller;
  private final float diceWeight;
  private final int promptLength;
  private final int pixelsPerPatch;
  private PixelHead head;
  private List<NamedParameter> headParameters;
  private ProbeSink sink = ProbeSink.NONE;

  /** An ODM stage; see the class comment for its settings. */
  public OdmStage(StageConfig config, StageContext context) {
    PretrainData.checkParams(config, PARAMS);
    for (DataSpec d : config.data()) {
      if (!d.kind().equals("synthetic")) {
        throw new IllegalArgumentException("stage odm reads only synthetic data (clean targets come from the "
            + "renderer), but lists data of kind " + d.kind());
      }
    }
    this.config = config;
    this.context = context;
    this.model = context.config();
    this.charset = context.charset();
    this.patches = new Patches(model);
    this.synthetic = PretrainData.synthetic(context, config);
    this.controller = new TextController(
        PretrainData.param(config, "controlMin", 0.1, 0, 1), PretrainData.param(config, "controlMax", 0.3, 0, 1),
        PretrainData.param(config, "noiseShare", 0.5, 0, 1));
    this.diceWeight = (float) PretrainData.param(config, "diceWeight", 1.0, 0, 100);
    this.promptLength = model.maxLength();
    this.pixelsPerPatch = model.patchHeight() * model.patchWidth();
  }

  /** Also sends every snapshot's {@link OdmProbe.Result} to {@code sink}. */
  public OdmStage probeSink(ProbeSink sink) {
    this.sink = sink;
    return this;
  }

  @Override
  public StageConfig config() {
    return config;
  }

  @Override
  public Set<ModelPart> trainableParts() {
    return EnumSet.of(ModelPart.ENCODER);
  }

  @Override
  public synchronized List<NamedParameter> auxiliaryParameters(MaskOcrModel m) {
    if (headParameters == null) {
      head = new PixelHead(model.width(), model.heads(), promptLength, charset.vocabularySize(), pixelsPerPatch);
      headParameters = AuxBlocks.initialize(head, m, "odmHead", new Shape(1, patches.count(), model.width()),
          new Shape(1, promptLength, charset.vocabularySize()));
    }
    return headParameters;
  }

  @Override
  public HostBatch prepare(long step) {
    int b = config.batchSize();
    List<SyntheticText.Item> items = new ArrayList<>(b);
    for (int i = 0; i < b; i++) {
      items.add(synthetic.item(step * b + i));
    }
    return build(items, Seeds.mix(context.seed(), step, 19));
  }

  OdmBatch build(List<SyntheticText.Item> items, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int b = items.size();
    int n = patches.count();
    int p = patches.size();
    int v = charset.vocabularySize();
    float[] px = new float[b * n * p];
    float[] prompt = new float[b * promptLength * v];
    float[] target = new float[b * n * pixelsPerPatch];
    String[] prompts = new String[b];
    List<Sample> samples = new ArrayList<>(b);
    for (int i = 0; i < b; i++) {
      SyntheticText.Item it = items.get(i);
      samples.add(it.sample());
      patches.patchify(it.sample().pixels(), px, i * n * p);
      float[] ink = it.cleanInk().clone();
      int[] ids = charset.encode(it.sample().label());
      TextController.Action[] act = controller.choose(ids.length - 1, r);
      StringBuilder shown = new StringBuilder();
      for (int pos = 0; pos < promptLength; pos++) {
        int id = 0; // column 0 (the end token's id) = nothing asked at this position
        if (pos < act.length) {
          switch (act[pos]) {
            case KEEP -> id = ids[pos];
            case DROP -> erase(ink, it.boxes(), pos);
            case NOISE -> {
              id = 1 + (ids[pos] - 1 + 1 + r.nextInt(Math.max(1, charset.size() - 1))) % charset.size();
              erase(ink, it.boxes(), pos);
            }
          }
          shown.append(id == 0 ? "_" : charset.symbol(id));
        }
        prompt[(i * promptLength + pos) * v + id] = 1f;
      }
      prompts[i] = shown.toString();
      patchifyInk(ink, target, i * n * pixelsPerPatch);
    }
    return new OdmBatch(samples, px, prompt, target, prompts);
  }

  /** Erases the clean ink inside box {@code c} (4 floats per box: x0, x1, y0, y1). */
  private void erase(float[] ink, float[] boxes, int c) {
    int w = model.imageWidth();
    int h = model.imageHeight();
    int x0 = Math.max(0, (int) Math.floor(boxes[4 * c]));
    int x1 = Math.min(w, (int) Math.ceil(boxes[4 * c + 1]));
    int y0 = Math.max(0, (int) Math.floor(boxes[4 * c + 2]));
    int y1 = Math.min(h, (int) Math.ceil(boxes[4 * c + 3]));
    for (int y = y0; y < y1; y++) {
      java.util.Arrays.fill(ink, y * w + x0, y * w + Math.max(x0, x1), 0f);
    }
  }

  /** Cuts an {@code (H, W)} ink plane into patches of {@code ph * pw} values. */
  private void patchifyInk(float[] ink, float[] out, int offset) {
    int w = model.imageWidth();
    int gw = model.gridWidth();
    int ph = model.patchHeight();
    int pw = model.patchWidth();
    for (int idx = 0; idx < patches.count(); idx++) {
      int gy = idx / gw;
      int gx = idx % gw;
      for (int y = 0; y < ph; y++) {
        System.arraycopy(ink, (gy * ph + y) * w + gx * pw, out, offset + idx * pixelsPerPatch + y * pw, pw);
      }
    }
  }

  private NDArray logits(MaskOcrModel m, ParameterStore ps, NDManager scope, OdmBatch batch, boolean training) {
    int b = batch.samples().size();
    NDArray input = HostArrays.tensor(scope, batch.patches(), new Shape(b, patches.count(), patches.size()));
    NDArray prompt = HostArrays.tensor(scope, batch.prompt(), new Shape(b, promptLength, charset.vocabularySize()));
    NDArray features = m.encode(ps, input, training);
    auxiliaryParameters(m);
    return head.forward(ps, new NDList(features, prompt), training).head();
  }

  @Override
  public StepOutput forward(MaskOcrModel m, ParameterStore ps, NDManager scope, HostBatch hb) {
    OdmBatch batch = (OdmBatch) hb;
    int b = batch.samples().size();
    NDArray x = logits(m, ps, scope, batch, true);
    NDArray t = HostArrays.tensor(scope, batch.target(), new Shape(b, patches.count(), pixelsPerPatch));
    // Java numbers in a recorded graph are wrapped in JVM buffers a GC may free before backward
    // (see HostArrays): every constant is an engine-owned scalar
    NDArray zero = HostArrays.scalar(scope, 0f);
    NDArray one = HostArrays.scalar(scope, 1f);
    // numerically stable BCE with logits: max(x, 0) - x t + log(1 + exp(-|x|))
    NDArray bce = x.maximum(zero).sub(x.mul(t)).add(x.abs().neg().exp().add(one).log()).mean();
    NDArray prob = Activation.sigmoid(x);
    NDArray inter = prob.mul(t).sum(new int[] {1, 2});
    NDArray total = prob.sum(new int[] {1, 2}).add(t.sum(new int[] {1, 2}));
    NDArray dice = one.sub(inter.mul(HostArrays.scalar(scope, 2f)).add(one).div(total.add(one))).mean();
    return new StepOutput(bce.add(dice.mul(HostArrays.scalar(scope, diceWeight))), b, Double.NaN);
  }

  /** Input, predicted clean image and target of the first image of {@code batch}. */
  OdmProbe.Result probe(MaskOcrModel m, ParameterStore ps, NDManager scope, OdmBatch batch) {
    OdmBatch one = new OdmBatch(List.of(batch.samples().get(0)),
        java.util.Arrays.copyOf(batch.patches(), patches.count() * patches.size()),
        java.util.Arrays.copyOf(batch.prompt(), promptLength * charset.vocabularySize()),
        java.util.Arrays.copyOf(batch.target(), patches.count() * pixelsPerPatch), new String[] {batch.prompts()[0]});
    float[] prob = Activation.sigmoid(logits(m, ps, scope, one, false)).toFloatArray();
    return new OdmProbe.Result(model.channels(), model.imageHeight(), model.imageWidth(),
        one.samples().get(0).pixels().clone(), unpatchInk(prob), unpatchInk(one.target()),
        one.samples().get(0).label(), one.prompts()[0]);
  }

  /** Inverse of {@link #patchifyInk}: one image's patch values back to an {@code (H, W)} plane. */
  private float[] unpatchInk(float[] values) {
    int w = model.imageWidth();
    int gw = model.gridWidth();
    int ph = model.patchHeight();
    int pw = model.patchWidth();
    float[] plane = new float[model.imageHeight() * w];
    for (int idx = 0; idx < patches.count(); idx++) {
      int gy = idx / gw;
      int gx = idx % gw;
      for (int y = 0; y < ph; y++) {
        System.arraycopy(values, idx * pixelsPerPatch + y * pw, plane, (gy * ph + y) * w + gx * pw, pw);
      }
    }
    return plane;
  }

  @Override
  public TrainingEvent snapshot(
      MaskOcrModel m, ParameterStore ps, NDManager scope, HostBatch hb, String runId, long step) {
    OdmProbe.Result r = probe(m, ps, scope, (OdmBatch) hb);
    sink.odm(runId, step, r);
    int plane = r.height() * r.width();
    float[] shown = new float[model.channels() * plane];
    for (int c = 0; c < model.channels(); c++) {
      for (int i = 0; i < plane; i++) {
        shown[c * plane + i] = 1f - 2f * r.predictedInk()[i];
      }
    }
    return new TrainingEvent.Reconstruction(runId, step, model.channels(), model.imageHeight(), model.imageWidth(),
        model.patchHeight(), model.patchWidth(), r.input(), new boolean[patches.count()], shown);
  }

  @Override
  public List<String> dataProvenance() {
    return List.of(synthetic.describe() + " with clean targets; text controller " + controller);
  }
}
