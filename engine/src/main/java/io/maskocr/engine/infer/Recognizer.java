package io.maskocr.engine.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.maskocr.engine.data.ImagePreprocessor;
import io.maskocr.engine.infer.onnx.OnnxForward;
import io.maskocr.engine.infer.onnx.InferenceEngine;
import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.GradMode;
import io.maskocr.engine.model.GreedyDecoding;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.HostArrays;
import io.maskocr.engine.model.Patches;
import io.maskocr.engine.train.CheckpointInfo;
import io.maskocr.engine.train.Checkpoints;
import io.maskocr.engine.train.Recipe;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Reads text from word images with a model loaded from a checkpoint. Owns its own model
 * instance (independent of any trainer); calls are serialized, run them off the UI thread.
 */
public final class Recognizer implements TextReader {
  /** Images per forward pass. */
  public static final int BATCH = 64;

  private final MaskOcrModel model;
  private final boolean ownsModel;
  private final String checkpointId;
  private final Patches patches;
  private final ImagePreprocessor preprocessor;
  private final ParameterStore ps;
  private final double ctcWeight;
  /** Weighted log-prior added to each joint candidate (null: none). */
  private final ToDoubleFunction<int[]> prior;
  /** The forward pass on ONNX Runtime ({@link InferenceEngine}), or null to run it on PyTorch. */
  private final OnnxForward onnx;
  /** How doubtful readings are read again: depends on what the model learned on. */
  private final SecondLook secondLook;

  /**
   * Weight of the CTC head in {@link JointDecoding} when the checkpoint's training taught that
   * head (0.5: both heads count alike).
   */
  public static final double JOINT_CTC_WEIGHT = 0.5;

  private Recognizer(MaskOcrModel model, boolean ownsModel, String checkpointId, double ctcWeight,
      ToDoubleFunction<int[]> prior, OnnxForward onnx, SecondLook secondLook) {
    this.model = model;
    this.secondLook = secondLook;
    this.onnx = onnx;
    this.ownsModel = ownsModel;
    this.checkpointId = checkpointId;
    this.ctcWeight = ctcWeight;
    this.prior = prior;
    this.patches = new Patches(model.config());
    this.preprocessor = new ImagePreprocessor(model.config());
    this.ps = model.newParameterStore();
  }

  /**
   * Loads the newest checkpoint of a run folder, or a given checkpoint folder.
   *
   * @throws IllegalArgumentException naming the folder when there is no usable checkpoint
   */
  public static Recognizer load(Path runOrCheckpoint) throws IOException {
    return load(runOrCheckpoint, InferenceEngine.configured());
  }

  /** As {@link #load(Path)}, with the forward pass on {@code engine}. */
  public static Recognizer load(Path runOrCheckpoint, InferenceEngine engine) throws IOException {
    Path dir = Checkpoints.resolve(runOrCheckpoint);
    CheckpointInfo info = Checkpoints.readInfo(dir);
    double ctcWeight = trainsCtcHead(info.recipe()) ? JOINT_CTC_WEIGHT : 0;
    MaskOcrModel model = Checkpoints.loadModel(dir, null);
    return new Recognizer(model, true, info.runId() + "@" + info.step(), ctcWeight, priorFor(model, ctcWeight),
        engine.open(model), SecondLook.forRecipe(info.recipe()));
  }

  /** Wraps a model the caller keeps owning (tests, in-process evaluation); decoder only. */
  public static Recognizer wrap(MaskOcrModel model, String checkpointId) {
    return new Recognizer(model, false, checkpointId, 0, null, null, SecondLook.DEFAULT);
  }

  /**
   * Wraps a model whose CTC head was trained, reading as a loaded checkpoint does: {@link
   * JointDecoding} at {@code ctcWeight} (0 = the decoder alone), with the spelling prior for
   * Latin charsets.
   */
  public static Recognizer wrapJoint(MaskOcrModel model, String checkpointId, double ctcWeight) {
    if (ctcWeight < 0 || ctcWeight > 1) {
      throw new IllegalArgumentException("the CTC weight must be in 0..1, got " + ctcWeight);
    }
    return new Recognizer(model, false, checkpointId, ctcWeight, priorFor(model, ctcWeight), null, SecondLook.DEFAULT);
  }

  private static ToDoubleFunction<int[]> priorFor(MaskOcrModel model, double ctcWeight) {
    return ctcWeight > 0 ? SpellingPrior.forCharset(model.charset()) : null;
  }

  /** Whether a fine-tuning stage of the checkpoint's recipe trained the auxiliary CTC head. */
  static boolean trainsCtcHead(Recipe recipe) {
    // a run that started from a checkpoint (init: the starter, an earlier run) inherits its
    // trained heads even when its own stages do not fine-tune (a MIM-decoder-only chunk)
    return recipe != null
        && (recipe.init() != null || recipe.stages().stream()
            .anyMatch(s -> "finetune".equals(s.type()) && s.param("ctcWeight", 1.0) > 0));
  }

  /** The engine of the forward pass: {@code onnxruntime fp32|int8} or {@code pytorch}. */
  public String forwardEngine() {
    return onnx == null ? "pytorch" : "onnxruntime " + onnx.precision().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Whether the joint reading also weighs the English spelling prior ({@link SpellingPrior}). */
  public boolean usesSpellingPrior() {
    return prior != null;
  }

  /** Weight of the CTC head when choosing a reading (0 = the parallel decoder alone). */
  public double ctcWeight() {
    return ctcWeight;
  }

  public ModelConfig config() {
    return model.config();
  }

  public CharacterSet charset() {
    return model.charset();
  }

  /** The id predictions are stored under: {@code runId@step}. */
  @Override
  public String checkpointId() {
    return checkpointId;
  }

  /** The preprocessing matching this model. */
  public ImagePreprocessor preprocessor() {
    return preprocessor;
  }

  /**
   * Reads pictures of any size; those taller than wide also turned ({@link TurnedReading}), doubtful
   * readings again deskewed ({@link SecondLook}).
   */
  @Override
  public List<Prediction> predictImages(List<BufferedImage> images) {
    return secondLook.read(images, given -> predict(given.stream().map(preprocessor::toPixels).toList()));
  }

  /** How this recognizer reads doubtful crops again. */
  public SecondLook secondLook() {
    return secondLook;
  }

  /** Reads preprocessed images ({@code (C, H, W)} in [-1, 1]), {@value #BATCH} per pass. */
  public synchronized List<Prediction> predict(List<float[]> images) {
    return readAllWays(images, false).chosen();
  }

  /**
   * The recognizer's reading and, from the same encoder pass, what each head reads alone and what
   * both read without the spelling prior: a diagnostic for evaluation (which part helps, and by
   * how much).
   *
   * @param chosen what {@link #predict} returns
   * @param decoderAlone the parallel decoder's greedy texts
   * @param ctcAlone the CTC head's greedy texts (repeats merged, blanks dropped)
   * @param withoutPrior the joint texts without the spelling prior (empty when there is none)
   */
  public record Readings(
      List<Prediction> chosen, List<String> decoderAlone, List<String> ctcAlone, List<String> withoutPrior) {}

  /** Reads as {@link #predict}, and also with each head alone and without the spelling prior. */
  public synchronized Readings readAllWays(List<float[]> images) {
    return readAllWays(images, true);
  }

  private Readings readAllWays(List<float[]> images, boolean alsoAlone) {
    GradMode.disableOnThisThread();
    List<Prediction> chosen = new ArrayList<>(images.size());
    List<String> decoderAlone = new ArrayList<>();
    List<String> ctcAlone = new ArrayList<>();
    List<String> withoutPrior = new ArrayList<>();
    for (int from = 0; from < images.size(); from += BATCH) {
      Outputs o = forward(images.subList(from, Math.min(images.size(), from + BATCH)), alsoAlone || ctcWeight > 0);
      chosen.addAll(choose(o));
      if (alsoAlone) {
        for (int i = 0; i < o.size(); i++) {
          decoderAlone.add(model.charset().decode(GreedyDecoding.decode(o.probs(), i, o.t(), o.v()).tokens()));
          CtcScores ctc = ctcScores(o, i);
          ctcAlone.add(model.charset().decode(ctc.greedy()));
          if (prior != null) {
            withoutPrior.add(model.charset().decode(
                JointDecoding.decode(o.probs(), i, o.t(), o.v(), ctc, ctcWeight).tokens()));
          }
        }
      }
    }
    return new Readings(chosen, decoderAlone, ctcAlone, withoutPrior);
  }

  /** One batch through the model, copied to the host. */
  private record Outputs(int size, int t, int n, int v, float[] probs, float[] att, float[] ctcLogProbs) {}

  private Outputs forward(List<float[]> images, boolean withCtc) {
    ModelConfig c = model.config();
    int b = images.size();
    int n = patches.count();
    if (onnx != null) {
      OnnxForward.Output o = onnx.run(images);
      return new Outputs(b, c.queryCount(), n, model.charset().vocabularySize(), o.probs(), o.attention(),
          withCtc ? o.ctcLogProbs() : null);
    }
    int p = patches.size();
    float[] px = new float[b * n * p];
    for (int i = 0; i < b; i++) {
      if (images.get(i).length != c.pixelCount()) {
        throw new IllegalArgumentException(
            "image " + i + " has " + images.get(i).length + " values; the model expects " + c.pixelCount());
      }
      patches.patchify(images.get(i), px, i * n * p);
    }
    try (NDScope scope = new NDScope(); NDManager mgr = model.manager().newSubManager()) {
      NDArray features = model.encode(ps, HostArrays.tensor(mgr, px, new Shape(b, n, p)), false);
      NDList out = model.decode(ps, features, false);
      float[] probs = out.get(0).softmax(2).toFloatArray();
      float[] att = out.get(1).toFloatArray();
      float[] ctc = withCtc ? model.ctcLogits(ps, features, false).logSoftmax(2).toFloatArray() : null;
      return new Outputs(b, c.queryCount(), n, model.charset().vocabularySize(), probs, att, ctc);
    }
  }

  private CtcScores ctcScores(Outputs o, int row) {
    return new CtcScores(o.ctcLogProbs(), row, o.n(), o.v());
  }

  private List<Prediction> choose(Outputs o) {
    boolean joint = ctcWeight > 0;
    // The joint choice runs on the host; spread it over the cores the engine just left idle.
    IntStream rows = IntStream.range(0, o.size());
    return (joint ? rows.parallel() : rows)
        .mapToObj(i -> {
          GreedyDecoding.Decoded d = joint
              ? JointDecoding.decode(o.probs(), i, o.t(), o.v(), ctcScores(o, i), ctcWeight, prior)
              : GreedyDecoding.decode(o.probs(), i, o.t(), o.v());
          return toPrediction(d, o.att(), i, o.t(), o.n());
        })
        .toList();
  }

  private Prediction toPrediction(GreedyDecoding.Decoded d, float[] att, int i, int t, int n) {
    int rows = Math.min(t, d.tokens().length + 1);
    float[][] a = new float[rows][n];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(att, (i * t + r) * n, a[r], 0, n);
    }
    return new Prediction(model.charset().decode(d.tokens()), d.probabilities(), d.confidence(), a, checkpointId);
  }

  @Override
  public void close() {
    if (onnx != null) {
      onnx.close();
    }
    if (ownsModel) {
      model.close();
    }
  }
}
