package io.maskocr.engine.pretrain;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import io.maskocr.engine.model.GradientScope;
import ai.djl.training.ParameterStore;
import io.maskocr.engine.model.GradMode;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.model.NamedParameter;
import io.maskocr.engine.train.AdamW;
import io.maskocr.engine.train.AuxiliaryWeights;
import io.maskocr.engine.train.CheckpointInfo;
import io.maskocr.engine.train.Checkpoints;
import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.HostBatch;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.StageConfig;
import io.maskocr.engine.train.StageContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * ODM's pixel head on a checkpoint, for the viewers: input | predicted clean image | target.
 *
 * <p>A run with an {@code odm} stage saves the head it trained with its checkpoints ({@value
 * OdmStage#HEAD_FILE}{@code .tensors}); that head is used as it is. A checkpoint without one (its
 * run had no odm stage, or it was saved before heads were kept) gets a fresh head fitted for a
 * few steps on its <em>frozen</em> encoder: then the picture shows how much of the clean glyph
 * shapes the encoder's features carry, not what ODM pre-training produced. {@link #origin()} says
 * which, in words for the UI.
 *
 * <p>Loads its own copy of the model; calls are serialized; run them off the UI thread and close
 * the reader to free the native memory.
 */
public final class OdmHeadReader implements AutoCloseable {
  /** Steps the viewers fit a head for when a checkpoint has none (seconds on a CPU for the tiny model). */
  public static final int FIT_STEPS = 60;

  private static final double FIT_LR = 3e-3;
  private static final int FIT_BATCH = 8;

  private final MaskOcrModel model;
  private final OdmStage stage;
  private final ParameterStore ps;
  private final boolean trained;
  private final String origin;
  private final long firstWord;

  private OdmHeadReader(MaskOcrModel model, OdmStage stage, boolean trained, String origin, long firstWord) {
    this.model = model;
    this.stage = stage;
    this.ps = model.newParameterStore();
    this.trained = trained;
    this.origin = origin;
    this.firstWord = firstWord;
  }

  /**
   * Loads a checkpoint (a run folder's newest, or a checkpoint folder) with its trained head, or
   * fits one for {@code fitSteps} steps when it has none (seconds for a small model).
   *
   * @param seed seed of the fitted head's data and of the words shown
   */
  public static OdmHeadReader open(Path runOrCheckpoint, int fitSteps, long seed) throws IOException {
    return open(runOrCheckpoint, fitSteps, seed, true);
  }

  /**
   * Like {@link #open(Path, int, long)}; with {@code useTrained} false a fresh head is fitted even
   * when the checkpoint keeps a trained one (to compare: after fine-tuning moved the encoder, a
   * fresh head can draw better than the one trained with the odm stage's encoder).
   */
  public static OdmHeadReader open(Path runOrCheckpoint, int fitSteps, long seed, boolean useTrained)
      throws IOException {
    Path dir = Checkpoints.resolve(runOrCheckpoint);
    CheckpointInfo info = Checkpoints.readInfo(dir);
    AuxiliaryWeights saved = useTrained ? AuxiliaryWeights.from(dir) : AuxiliaryWeights.none();
    MaskOcrModel m = Checkpoints.loadModel(dir, null);
    try {
      int odm = odmStageIndex(info.recipe());
      StageConfig recipeStage = odm < 0 ? null : info.recipe().stages().get(odm);
      // the run's own controller settings and style, so the prompts look like the ones it trained on
      StageConfig sc = new StageConfig("odm", Math.max(1, fitSteps), FIT_BATCH, FIT_LR, null, 1, 0.0, 1.0, null, null,
          recipeStage == null ? List.of(DataSpec.synthetic()) : recipeStage.data(),
          recipeStage == null ? null : recipeStage.params());
      OdmStage stage = new OdmStage(sc, new StageContext(m.config(), m.charset(), (spec, c, s) -> {
        throw new IllegalStateException("the ODM head reads only the synthetic stream");
      }, seed, saved));
      boolean trained = saved.hasSaved(OdmStage.HEAD_FILE);
      List<NamedParameter> head = stage.auxiliaryParameters(m); // the saved values when there are some
      for (NamedParameter p : m.parameters()) {
        p.parameter().freeze(true);
      }
      if (!trained) {
        fit(m, stage, head, fitSteps);
      }
      return new OdmHeadReader(m, stage, trained, trained ? trainedOrigin(info, odm)
          : fittedOrigin(odm >= 0, !useTrained, fitSteps), fitSteps);
    } catch (RuntimeException e) {
      m.close();
      throw e;
    }
  }

  private static int odmStageIndex(Recipe r) {
    for (int i = 0; i < r.stages().size(); i++) {
      if (r.stages().get(i).type().equals("odm")) {
        return i;
      }
    }
    return -1;
  }

  private static String trainedOrigin(CheckpointInfo info, int odm) {
    Recipe r = info.recipe();
    long start = r.stageStart(odm);
    long end = Math.min(info.step(), start + r.stages().get(odm).steps());
    String s = "The pixel head trained in this run's odm stage (" + (end - start) + " steps)";
    long since = info.step() - end;
    if (since > 0) {
      s += "; the encoder has since trained " + since + " more steps (" + String.join(", ",
          r.stages().subList(odm + 1, r.stages().size()).stream().map(StageConfig::type).distinct().toList())
          + ") without the head, so the drawing can be less sharp than at the end of odm";
    }
    return s + ".";
  }

  private static String fittedOrigin(boolean runHadOdm, boolean trainedIgnored, int fitSteps) {
    return (trainedIgnored ? "The trained ODM head is set aside on request"
        : runHadOdm ? "This checkpoint keeps no ODM head (it was saved before heads were kept)"
        : "This run has no odm stage, so there is no trained ODM head")
        + ": a fresh head was fitted for " + fitSteps + " steps on the frozen encoder. The sharper its drawing, the "
        + "more glyph shape the encoder's features keep.";
  }

  /** Trains only the head (the model is frozen, bit-identical) on the synthetic stream. */
  private static void fit(MaskOcrModel m, OdmStage stage, List<NamedParameter> head, int steps) {
    // a fresh thread records autograd history: the optimizer's in-place updates must not
    GradMode.disableOnThisThread();
    ParameterStore ps = m.newParameterStore();
    try (AdamW opt = new AdamW(head, 0.0, m.manager())) {
      for (long step = 0; step < steps; step++) {
        HostBatch batch = stage.prepare(step);
        try (NDScope scope = new NDScope(); NDManager mgr = m.manager().newSubManager()) {
          try (GradientScope gc = GradientScope.open()) {
            gc.backward(stage.forward(m, ps, mgr, batch).loss());
          }
          opt.step(FIT_LR, 1.0);
        } finally {
          GradMode.disableOnThisThread();
        }
      }
    }
  }

  /** True when the head is the one the run trained, false when it was fitted here. */
  public boolean trained() {
    return trained;
  }

  /** Where the head comes from, one or two sentences for the UI. */
  public String origin() {
    return origin;
  }

  /** Synthetic word {@code index} (never one a fitted head trained on), its prompt, prediction and target. */
  public synchronized OdmProbe.Result word(long index) {
    return probe((OdmStage.OdmBatch) stage.prepare(firstWord + Math.max(0, index)));
  }

  /**
   * What the head draws for {@code item} prompted with {@code text}.
   *
   * @return input, predicted ink {@code (H, W)} and the controlled target
   */
  public synchronized OdmProbe.Result draw(SyntheticText.Item item, ControlledText text) {
    return probe(stage.batch(List.of(item), List.of(text)));
  }

  private OdmProbe.Result probe(OdmStage.OdmBatch batch) {
    GradMode.disableOnThisThread();
    try (NDScope scope = new NDScope(); NDManager mgr = model.manager().newSubManager()) {
      return stage.probe(model, ps, mgr, batch);
    }
  }

  @Override
  public synchronized void close() {
    model.close();
  }
}
