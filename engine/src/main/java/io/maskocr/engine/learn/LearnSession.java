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
import io.maskocr.engine.pretrain.SyntheticText;
import io.maskocr.engine.pretrain.TextController;
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
 * attention, MILM probes, a confidence survey and ODM targets. Every call runs the model on the
 * calling thread (serialized on the checkpoint): call off the UI thread. Close to free memory.
 */
public final class LearnSession implements AutoCloseable {
  private final LoadedCheckpoint checkpoint;
  private final ReconstructionService reconstruction;
  private final AttentionInspector inspector;
  private final Patches patches;

  private LearnSession(LoadedCheckpoint checkpoint) {
    this.checkpoint = checkpoint;
    this.reconstruction = new ReconstructionService(checkpoint);
    this.inspector = new AttentionInspector(checkpoint);
    this.patches = new Patches(checkpoint.config());
  }

  /** Loads a checkpoint folder (or the newest checkpoint of a run folder). */
  public static LearnSession open(Path checkpointDir) throws IOException {
    return new LearnSession(LoadedCheckpoint.open(checkpointDir));
  }

  /** Wraps an already loaded checkpoint the caller keeps owning. */
  public static LearnSession of(LoadedCheckpoint checkpoint) {
    return new LearnSession(checkpoint);
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
   * Renders {@code text} styled and as ODM's clean target, and applies the text controller.
   *
   * @param styleIndex which renderer sample decides the style (font, background, effects)
   * @param share share of characters the controller drops or noises, 0..1
   * @param seed controller choices
   * @throws IllegalArgumentException when the model's charset cannot write {@code text}
   */
  public OdmView odm(String text, long styleIndex, double share, long seed) {
    ModelConfig c = config();
    String word = charset().normalize(text == null ? "" : text.strip());
    if (word.isEmpty() || word.length() > c.maxLength()) {
      throw new IllegalArgumentException("ODM needs a word of 1.." + c.maxLength() + " characters, got '" + text + "'");
    }
    SyntheticText.Item item = new SyntheticText(c, charset(), seed, null).render(styleIndex, word);
    if (item == null) {
      throw new IllegalArgumentException("the renderer cannot draw '" + word + "' with charset " + charset().name());
    }
    String label = item.sample().label();
    SplittableRandom r = new SplittableRandom(seed);
    TextController.Action[] act = new TextController(share, share, 0.5).choose(label.length(), r);
    float[] target = item.cleanInk().clone();
    StringBuilder prompt = new StringBuilder();
    for (int i = 0; i < act.length; i++) {
      switch (act[i]) {
        case KEEP -> prompt.append(label.charAt(i));
        case DROP -> prompt.append('_');
        case NOISE -> prompt.append(otherSymbol(label.charAt(i), r));
      }
      if (act[i] != TextController.Action.KEEP) {
        erase(target, item.boxes(), i, c.imageWidth(), c.imageHeight());
      }
    }
    return new OdmView(c.channels(), c.imageHeight(), c.imageWidth(), item.sample().pixels(), item.cleanInk(), target,
        label, prompt.toString(), act);
  }

  private String otherSymbol(char not, SplittableRandom r) {
    String symbols = charset().symbols();
    for (int i = 0; i < 16; i++) {
      int cp = symbols.codePointAt(symbols.offsetByCodePoints(0, r.nextInt(symbols.codePointCount(0, symbols.length()))));
      if (cp != not && !Character.isWhitespace(cp)) {
        return new String(Character.toChars(cp));
      }
    }
    return "?";
  }

  /** Erases the ink inside box {@code c} (x0, x1, y0, y1 per box). */
  private static void erase(float[] ink, float[] boxes, int c, int w, int h) {
    int x0 = Math.max(0, (int) Math.floor(boxes[4 * c]));
    int x1 = Math.min(w, (int) Math.ceil(boxes[4 * c + 1]));
    int y0 = Math.max(0, (int) Math.floor(boxes[4 * c + 2]));
    int y1 = Math.min(h, (int) Math.ceil(boxes[4 * c + 3]));
    for (int y = y0; y < y1; y++) {
      java.util.Arrays.fill(ink, y * w + x0, y * w + Math.max(x0, x1), 0f);
    }
  }

  @Override
  public void close() {
    checkpoint.close();
  }
}
