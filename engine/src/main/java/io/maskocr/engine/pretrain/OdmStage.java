package io.maskocr.engine.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import io.maskocr.engine.data.Sample;
import io.maskocr.engine.data.Seeds;
import io.maskocr.engine.model.HostArrays;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.model.ModelPart;
import io.maskocr.engine.model.NamedParameter;
import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.HostBatch;
import io.maskocr.engine.train.StageConfig;
import io.maskocr.engine.train.StageContext;
import io.maskocr.engine.train.StepOutput;
import io.maskocr.engine.train.TrainingEvent;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Destylization pre-training (ODM): the encoder plus a light {@link PixelHead} turn a styled
 * synthetic word into the renderer's clean binary target (the same text in one canonical
 * font, black on white, same geometry). A {@link TextController} prompts the head with the
 * text, dropping or noising 10-30% of the characters (and erasing them from the target), so
 * the encoder must learn where each character is and which one it is. Loss: per-pixel binary
 * cross-entropy plus {@code diceWeight} x Dice loss (Dice counters the few-ink imbalance).
 * The trained encoder then feeds recognition fine-tuning. The head is not part of the recognizer;
 * checkpoints keep it as the side file {@value #HEAD_FILE}{@code .tensors}, so a resumed run
 * continues with it and the ODM viewers show what the trained head draws ({@link OdmHeadReader}).
 *
 * <p>Params: {@code controlMin} (0.1), {@code controlMax} (0.3), {@code noiseShare} (0.5),
 * {@code diceWeight} (1). Data: {@code synthetic} only (clean targets come from the renderer).
 */
public final class OdmStage extends PretrainStage {
  /** Known {@code params} keys. */
  public static final List<String> PARAMS = List.of("controlMin", "controlMax", "noiseShare", "diceWeight");

  /** Side file of the pixel head in checkpoints. */
  public static final String HEAD_FILE = "odm-head";

  /** An ODM batch in plain arrays. */
  record OdmBatch(List<Sample> samples, float[] patches, float[] prompt, float[] target, String[] prompts)
      implements HostBatch {}

  private final SyntheticText synthetic;
  private final TextController controller;
  private final float diceWeight;
  private final int promptLength;
  private final int pixelsPerPatch;
  private PixelHead head;
  private List<NamedParameter> headParameters;

  /** An ODM stage; see the class comment for its settings. */
  public OdmStage(StageConfig config, StageContext context) {
    super(config, context, PARAMS, EnumSet.of(ModelPart.ENCODER));
    for (DataSpec d : config.data()) {
      if (!d.kind().equals("synthetic")) {
        throw new IllegalArgumentException("stage odm reads only synthetic data (clean targets come from the "
            + "renderer), but lists data of kind " + d.kind());
      }
    }
    this.synthetic = PretrainData.synthetic(context, config);
    this.controller = new TextController(
        PretrainData.param(config, "controlMin", 0.1, 0, 1), PretrainData.param(config, "controlMax", 0.3, 0, 1),
        PretrainData.param(config, "noiseShare", 0.5, 0, 1));
    this.diceWeight = (float) PretrainData.param(config, "diceWeight", 1.0, 0, 100);
    this.promptLength = model.maxLength();
    this.pixelsPerPatch = model.patchHeight() * model.patchWidth();
  }

  @Override
  public synchronized List<NamedParameter> auxiliaryParameters(MaskOcrModel m) {
    if (headParameters == null) {
      head = new PixelHead(model.width(), model.heads(), promptLength, charset.vocabularySize(), pixelsPerPatch);
      headParameters = ownBlock(head, m, "odmHead", HEAD_FILE, new Shape(1, patches.count(), model.width()),
          new Shape(1, promptLength, charset.vocabularySize()));
    }
    return headParameters;
  }

  @Override
  public HostBatch prepare(long step) {
    int b = config.batchSize();
    SplittableRandom r = new SplittableRandom(Seeds.mix(context.seed(), step, 19));
    List<SyntheticText.Item> items = new ArrayList<>(b);
    List<ControlledText> texts = new ArrayList<>(b);
    for (int i = 0; i < b; i++) {
      SyntheticText.Item it = synthetic.item(step * b + i);
      items.add(it);
      String label = it.sample().label();
      texts.add(ControlledText.of(it, controller.choose(label.codePointCount(0, label.length()), r), charset, model, r));
    }
    return batch(items, texts);
  }

  /** The words {@code items} with the prompts and targets the controller made of them. */
  OdmBatch batch(List<SyntheticText.Item> items, List<ControlledText> texts) {
    int b = items.size();
    int v = charset.vocabularySize();
    float[] prompt = new float[b * promptLength * v];
    float[] target = new float[b * patches.count() * pixelsPerPatch];
    String[] prompts = new String[b];
    List<Sample> samples = items.stream().map(SyntheticText.Item::sample).toList();
    for (int i = 0; i < b; i++) {
      ControlledText t = texts.get(i);
      for (int pos = 0; pos < promptLength; pos++) {
        int id = pos < t.promptIds().length ? t.promptIds()[pos] : 0; // column 0 = nothing asked
        prompt[(i * promptLength + pos) * v + id] = 1f;
      }
      prompts[i] = t.prompt();
      copyInk(t.targetInk(), 0, target, i * patches.count() * pixelsPerPatch, true);
    }
    return new OdmBatch(samples, patchesOf(samples), prompt, target, prompts);
  }

  /**
   * Copies one {@code (H, W)} ink plane into patches of {@code ph * pw} values ({@code toPatches}),
   * or patches back into a plane.
   */
  private void copyInk(float[] from, int fromOffset, float[] to, int toOffset, boolean toPatches) {
    int w = model.imageWidth();
    int gw = model.gridWidth();
    int ph = model.patchHeight();
    int pw = model.patchWidth();
    for (int idx = 0; idx < patches.count(); idx++) {
      for (int y = 0; y < ph; y++) {
        int plane = (idx / gw * ph + y) * w + idx % gw * pw;
        int patch = idx * pixelsPerPatch + y * pw;
        if (toPatches) {
          System.arraycopy(from, fromOffset + plane, to, toOffset + patch, pw);
        } else {
          System.arraycopy(from, fromOffset + patch, to, toOffset + plane, pw);
        }
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
        one.samples().get(0).pixels().clone(), plane(prob), plane(one.target()),
        one.samples().get(0).label(), one.prompts()[0]);
  }

  /** One image's patch values back to an {@code (H, W)} plane. */
  private float[] plane(float[] values) {
    float[] out = new float[model.imageHeight() * model.imageWidth()];
    copyInk(values, 0, out, 0, false);
    return out;
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
