package io.maskocr.engine.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.maskocr.engine.data.DataSource;
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
 * Decoder pre-training with only text (DPTR). Texts from the renderer's corpora become
 * pseudo-visual sequences through a {@link TextEmbedder} (built-in: {@link
 * GlyphFeatureEmbedder}, the frozen encoder's features of canonical glyphs), are perturbed by
 * {@code params.orpScale} (0.1) times the features of a random real background crop ({@link
 * BackgroundBank}, ORP), merged by a {@link FeatureMergeUnit} and read by the character
 * decoder, trained with cross-entropy on the text. No word image is rendered or read per step.
 * The encoder is frozen; decoder and FMU learn. Checkpoints keep the FMU as the side file
 * {@value #FMU_FILE}{@code .tensors}, so a resumed run continues with it.
 *
 * <p>Params: {@code orpScale} (0..1, default 0.1), {@code backgrounds} (crops in the ORP bank,
 * default 64). Data: workspace splits or folders supply the real images for ORP crops
 * ({@code synthetic} specs are accepted and ignored: the text comes from the corpora).
 */
public final class DptrStage extends PretrainStage {
  /** Known {@code params} keys. */
  public static final List<String> PARAMS = List.of("orpScale", "backgrounds");

  /** Side file of the feature merge unit in checkpoints. */
  public static final String FMU_FILE = "dptr-fmu";

  /** A batch of pseudo-visual sequences. */
  record DptrBatch(List<Sample> samples, float[] sequences, TextTargets targets) implements HostBatch {}

  private final SyntheticText corpus;
  private final float orpScale;
  private final int backgrounds;
  private TextEmbedder embedder;
  private BackgroundBank bank;
  private FeatureMergeUnit fmu;
  private List<NamedParameter> fmuParameters;

  /** A DPTR stage; see the class comment for its settings. */
  public DptrStage(StageConfig config, StageContext context) {
    super(config, context, PARAMS, EnumSet.of(ModelPart.CHAR_DECODER));
    this.corpus = PretrainData.synthetic(context, config);
    this.orpScale = (float) PretrainData.param(config, "orpScale", 0.1, 0, 1);
    this.backgrounds = (int) PretrainData.param(config, "backgrounds", 64, 1, 4096);
  }

  /** Builds the embedder cache, the ORP bank (frozen encoder) and the FMU, once. */
  @Override
  public synchronized List<NamedParameter> auxiliaryParameters(MaskOcrModel m) {
    if (fmuParameters == null) {
      embedder = GlyphFeatureEmbedder.compute(m, new SyntheticText(model, charset, 0, SyntheticText.plainStyle()));
      if (orpScale > 0) {
        bank = BackgroundBank.compute(m, realImages(), backgrounds, Seeds.mix(context.seed(), 0x0e9));
      }
      fmu = new FeatureMergeUnit(model.patchCount(), model.width(), model.decoderHeads(), model.mlpRatio());
      fmuParameters = ownBlock(fmu, m, "fmu", FMU_FILE, new Shape(1, model.patchCount(), model.width()));
    }
    return fmuParameters;
  }

  /** Up to 256 images drawn from the stage's non-synthetic sources, for ORP crops. */
  private List<Sample> realImages() {
    List<DataSource> sources = new ArrayList<>();
    for (int i = 0; i < config.data().size(); i++) {
      DataSpec spec = config.data().get(i);
      if (!spec.kind().equals("synthetic")) {
        sources.add(context.resolver().resolve(spec, model, Seeds.mix(context.seed(), i)));
      }
    }
    if (sources.isEmpty()) {
      throw new IllegalArgumentException("stage dptr: ORP (orpScale " + orpScale + ") needs real images: add a "
          + "data source of kind split or folder, or set params.orpScale to 0");
    }
    SplittableRandom r = new SplittableRandom(Seeds.mix(context.seed(), 0xb9));
    List<Sample> out = new ArrayList<>();
    for (int k = 0; k < 256; k++) {
      DataSource s = sources.get(k % sources.size());
      long size = s.size();
      out.add(s.get(s.finite() ? r.nextLong(size) : r.nextLong() & Long.MAX_VALUE, k));
    }
    return out;
  }

  /** The embedder in use (after the stage started). */
  public TextEmbedder embedder() {
    return embedder;
  }

  @Override
  public HostBatch prepare(long step) {
    SplittableRandom r = new SplittableRandom(Seeds.mix(context.seed(), step, 23));
    int b = config.batchSize();
    int len = embedder.tokens() * embedder.width();
    float[] seq = new float[b * len];
    TextTargets targets = new TextTargets(charset, b, model.queryCount(), config.labelSmoothing().floatValue());
    List<Sample> samples = new ArrayList<>(b);
    for (int i = 0; i < b; i++) {
      String text = corpus.text(r);
      float[] e = embedder.embed(text);
      if (bank != null) {
        bank.perturb(e, r.nextInt(bank.size()), orpScale);
      }
      System.arraycopy(e, 0, seq, i * len, len);
      targets.set(i, text, null, 1f);
      samples.add(new Sample("text:" + text, null, text, null));
    }
    return new DptrBatch(samples, seq, targets);
  }

  private NDList run(MaskOcrModel m, ParameterStore ps, NDManager scope, DptrBatch batch, int rows, boolean training) {
    float[] seq = rows == batch.samples().size() ? batch.sequences()
        : java.util.Arrays.copyOf(batch.sequences(), rows * embedder.tokens() * embedder.width());
    NDArray memory = HostArrays.tensor(scope, seq, new Shape(rows, embedder.tokens(), embedder.width()));
    NDArray merged = fmu.forward(ps, new NDList(memory), training).head();
    return m.decode(ps, merged, training);
  }

  @Override
  public StepOutput forward(MaskOcrModel m, ParameterStore ps, NDManager scope, HostBatch hb) {
    DptrBatch batch = (DptrBatch) hb;
    NDArray logits = run(m, ps, scope, batch, batch.samples().size(), true).get(0);
    NDArray loss = batch.targets().loss(scope, logits);
    return new StepOutput(loss, batch.samples().size(), batch.targets().wordAccuracy(logits.argMax(2).toLongArray()));
  }

  @Override
  public TrainingEvent snapshot(
      MaskOcrModel m, ParameterStore ps, NDManager scope, HostBatch hb, String runId, long step) {
    DptrBatch batch = (DptrBatch) hb;
    DecoderReading reading = DecoderReading.of(run(m, ps, scope, batch, 1, false), model, charset);
    String truth = batch.targets().labels[0];
    float[] picture = embedder instanceof GlyphFeatureEmbedder g ? g.preview(truth) : new float[model.pixelCount()];
    return reading.snapshot(model, charset, runId, step, picture, truth);
  }

  @Override
  public List<String> dataProvenance() {
    List<String> out = new ArrayList<>();
    out.add("text: " + corpus.describe() + " corpora; " + (embedder == null ? "glyph-feature embedder" : embedder.describe()));
    out.add("ORP scale " + orpScale + " over " + backgrounds + " background crops of " + config.data());
    return out;
  }
}
