package io.maskocr.engine.learn;

import io.maskocr.engine.data.Sample;
import io.maskocr.engine.inspect.AttentionInspection;
import io.maskocr.engine.inspect.AttentionInspector;
import io.maskocr.engine.inspect.LoadedCheckpoint;
import io.maskocr.engine.inspect.ReconstructionService;
import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.Patches;
import io.maskocr.engine.pretrain.CharacterMask;
import io.maskocr.engine.pretrain.ControlledText;
import io.maskocr.engine.pretrain.OdmHeadReader;
import io.maskocr.engine.pretrain.SyntheticText;
import io.maskocr.engine.pretrain.TextController;
import io.maskocr.engine.train.Checkpoints;
import io.maskocr.engine.train.StageConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;

/**
 * Everything the Learn steps ask of a trained model, as plain values: MIM reconstructions,
 * attention, MILM probes, a confidence survey, and ODM targets with the pixel head's drawing.
 * Every call runs the model on the calling thread (serialized on the checkpoint): call off the UI
 * thread. Close to free memory.
 */
public final class LearnSession implements AutoCloseable {
  private final LoadedCheckpoint checkpoint;
  private final ReconstructionService reconstruction;
  private final AttentionInspector inspector;
  private final Patches patches;
  private final Path checkpointDir;
  private OdmHeadReader odmHead;

  private LearnSession(LoadedCheckpoint checkpoint, Path checkpointDir) {
    this.checkpoint = checkpoint;
    this.checkpointDir = checkpointDir;
    this.reconstruction = new ReconstructionService(checkpoint);
    this.inspector = new AttentionInspector(checkpoint);
    this.patches = new Patches(checkpoint.config());
  }

  /** Loads a checkpoint folder (or the newest checkpoint of a run folder). */
  public static LearnSession open(Path checkpointDir) throws IOException {
    return new LearnSession(LoadedCheckpoint.open(checkpointDir), Checkpoints.resolve(checkpointDir));
  }

  /**
   * Wraps an already loaded checkpoint the caller keeps owning (without a folder there is no ODM
   * head to load: {@link #odm} then draws nothing).
   */
  public static LearnSession of(LoadedCheckpoint checkpoint) {
    return new LearnSession(checkpoint, null);
  }

  public ModelConfig config() {
    return checkpoint.config();
  }

  public CharacterSet charset() {
    return checkpoint.charset();
  }

  /** {@code runId@step} of the model. */
  public String checkpointId() {
    return checkpoint.id();
  }

  /** Stage types of the recipe that trained the model, in order (empty when unknown). */
  public List<String> stages() {
    if (checkpoint.info() == null) {
      return List.of();
    }
    return checkpoint.info().recipe().stages().stream().map(StageConfig::type).toList();
  }

  /** Name of the recipe that trained the model, or "unknown". */
  public String recipeName() {
    return checkpoint.info() == null ? "unknown" : checkpoint.info().recipe().name();
  }

  /** Whether the MIM decoder was trained (otherwise reconstructions are noise). */
  public boolean hasTrainedMimDecoder() {
    return checkpoint.hasTrainedMimDecoder();
  }

  /** MIM reconstructions of this model. */
  public ReconstructionService reconstruction() {
    return reconstruction;
  }

  /** Reads an image and returns per-character probabilities and attention. */
  public AttentionInspection read(float[] pixels) {
    return inspector.inspect(pixels);
  }

  /**
   * Erases the strips covering a share of the characters, as MILM pre-training does, and reads
   * what is left.
   *
   * @param sample model-input pixels; with a label and spans, whole characters are hidden,
   *     otherwise the same share of random strips
   * @param ratio share of characters to hide, 0..1
   * @param seed which characters: same seed, same choice
   */
  public MilmView milm(Sample sample, double ratio, long seed) {
    ModelConfig c = config();
    String truth = sample.label() == null ? null : charset().normalize(sample.label());
    float[] spans = truth != null && sample.charSpans() != null && sample.charSpans().length == 2 * truth.length()
        ? sample.charSpans() : null;
    CharacterMask mask = CharacterMask.choose(patches, c.gridHeight(), spans, ratio, new SplittableRandom(seed));
    float[] cut = patches.patchify(sample.pixels());
    mask.erase(cut, patches.size());
    float[] masked = patches.unpatchify(cut);
    return new MilmView(masked, mask.patches(), mask.characters(), truth, inspector.inspect(masked));
  }

  /**
   * Reads every sample and records its confidence; {@code progress} gets the count done.
   *
   * @param samples labelled model-input samples
   * @param cancelled polled per image; the survey then ends with the images read so far
   */
  public ConfidenceSurvey survey(List<Sample> samples, IntConsumer progress, BooleanSupplier cancelled) {
    List<ConfidenceSurvey.Item> items = new ArrayList<>(samples.size());
    for (Sample s : samples) {
      if (cancelled.getAsBoolean()) {
        break;
      }
      AttentionInspection a = inspector.inspect(s.pixels());
      items.add(new ConfidenceSurvey.Item(charset().normalize(s.label()), a.text(), a.confidence()));
      progress.accept(items.size());
    }
    return new ConfidenceSurvey(items);
  }

  /**
   * Renders {@code text} styled and as ODM's clean target, applies the text controller and lets
   * the model's ODM pixel head draw it: the head the run trained when the checkpoint keeps one,
   * else one fitted once per session on the frozen encoder (seconds, the first time).
   *
   * @param styleIndex which renderer sample decides the style (font, background, effects)
   * @param share share of characters the controller drops or noises, 0..1
   * @param seed controller choices
   * @throws IllegalArgumentException when the model's charset cannot write {@code text}
   */
  public OdmView odm(String text, long styleIndex, double share, long seed) throws IOException {
    ModelConfig c = config();
    String word = charset().normalize(text == null ? "" : text.strip());
    int length = word.codePointCount(0, word.length());
    if (length == 0 || length > c.maxLength()) {
      throw new IllegalArgumentException("ODM needs a word of 1.." + c.maxLength() + " characters, got '" + text + "'");
    }
    SyntheticText.Item item = new SyntheticText(c, charset(), seed, null).render(styleIndex, word);
    if (item == null) {
      throw new IllegalArgumentException("the renderer cannot draw '" + word + "' with charset " + charset().name());
    }
    String label = item.sample().label();
    SplittableRandom r = new SplittableRandom(seed);
    ControlledText ct = ControlledText.of(item,
        new TextController(share, share, 0.5).choose(label.codePointCount(0, label.length()), r), charset(), c, r);
    OdmHeadReader head = odmHead();
    return new OdmView(c.channels(), c.imageHeight(), c.imageWidth(), item.sample().pixels(), item.cleanInk(),
        ct.targetInk(), label, ct.prompt(), ct.actions(), head == null ? null : head.draw(item, ct),
        head == null ? "No checkpoint folder: nothing draws the target." : head.origin());
  }

  private synchronized OdmHeadReader odmHead() throws IOException {
    if (odmHead == null && checkpointDir != null) {
      odmHead = OdmHeadReader.open(checkpointDir, OdmHeadReader.FIT_STEPS, 1);
    }
    return odmHead;
  }

  @Override
  public void close() {
    checkpoint.close();
    synchronized (this) {
      if (odmHead != null) {
        odmHead.close();
      }
    }
  }
}
