package io.maskocr.test.experiments;

import io.maskocr.engine.run.StandardStages;
import io.maskocr.engine.data.InMemorySource;
import io.maskocr.engine.data.Sample;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.train.DataResolver;
import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.MaskSpec;
import io.maskocr.engine.train.ModelSpec;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.RunRecorder;
import io.maskocr.engine.train.StageConfig;
import io.maskocr.engine.train.StageRegistry;
import io.maskocr.engine.train.TrainingEvent;
import io.maskocr.engine.train.TrainingOptions;
import io.maskocr.engine.train.TrainingService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A real tiny model trained in test set-up (MIM then fine-tuning on font-free glyph words, a
 * few seconds on 2 cores), shared by the viewer tests of one JVM. Each symbol is a fixed random
 * 8-pixel-wide bitmap, so a tiny model learns to read the words in a hundred steps.
 */
final class TinyRun {
  static final List<String> WORDS = List.of("ab", "ba", "cab", "dd", "abcd", "c", "dab", "bcd", "fee", "face");
  private static Path dir;

  private TinyRun() {}

  /** Model overrides: 32x64 input (16 strips of 32x4), width 32. */
  static Map<String, Object> overrides() {
    Map<String, Object> o = new HashMap<>();
    o.put("imageWidth", 64);
    o.put("width", 32);
    o.put("depth", 2);
    o.put("heads", 2);
    o.put("decoderDepth", 1);
    o.put("decoderHeads", 2);
    o.put("mimWidth", 16);
    o.put("mimDepth", 1);
    o.put("mimHeads", 2);
    o.put("maxLength", 8);
    o.put("charset", "latin36");
    return o;
  }

  static ModelConfig config() {
    return new ModelSpec("tiny", overrides()).resolve();
  }

  /** A recipe of {@code mim} MIM steps then {@code finetune} fine-tuning steps on the glyph words. */
  static Recipe recipe(int mim, int finetune, int logEvery, int snapshotEvery) {
    DataSpec data = DataSpec.split("glyphs", "train");
    List<StageConfig> stages = new ArrayList<>();
    if (mim > 0) {
      stages.add(new StageConfig("mim", mim, 8, 2e-3, null, 2, null, null, null,
          new MaskSpec("character", 0.5), List.of(data)));
    }
    stages.add(new StageConfig("finetune", finetune, 8, 3e-3, null, 5, 0.0, 1.0, 0.0, null, List.of(data)));
    return new Recipe("tiny-glyphs", "test recipe", 7L, new ModelSpec("tiny", overrides()), 60.0, logEvery,
        snapshotEvery, stages);
  }

  /** Answers every data spec with the glyph words. */
  static DataResolver resolver() {
    return (spec, config, seed) -> new InMemorySource("glyph words", samples(config));
  }

  /** The run folder of the shared tiny model, trained on first use. */
  static synchronized Path trained() throws Exception {
    if (dir == null) {
      dir = train(recipe(30, 160, 10, 1000), "tiny");
    }
    return dir;
  }

  private static Path odmDir;

  /**
   * The run folder of a tiny model whose recipe starts with an {@code odm} stage (20 steps on the
   * synthetic renderer, then 2 fine-tuning steps on the glyph words), so its checkpoint keeps a
   * trained ODM pixel head; trained on first use.
   */
  static synchronized Path trainedWithOdm() throws Exception {
    if (odmDir == null) {
      List<StageConfig> stages = List.of(
          new StageConfig("odm", 20, 8, 3e-3, null, 5, 0.0, 1.0, null, null, List.of(DataSpec.synthetic())),
          new StageConfig("finetune", 2, 8, 1e-3, null, 1, 0.0, 1.0, 0.0, null, List.of(DataSpec.split("glyphs", "train"))));
      odmDir = train(new Recipe("tiny-odm", "test recipe", 7L, new ModelSpec("tiny", overrides()), 60.0, 10, 1000,
          stages), "tiny-odm");
    }
    return odmDir;
  }

  /** Trains {@code r} on the glyph words into a fresh temporary run folder and returns it. */
  private static Path train(Recipe r, String runId) throws Exception {
    Path d = Files.createTempDirectory("maskocr-" + runId + "-run");
    TrainingService s = new TrainingService(r, runId, d, resolver(), RunRecorder.none(), StandardStages.registry(),
        TrainingOptions.unlimited());
    s.start();
    TrainingEvent end = s.awaitEnd(5, TimeUnit.MINUTES);
    if (!(end instanceof TrainingEvent.Finished)) {
      throw new IllegalStateException(runId + " training did not finish: " + end);
    }
    return d;
  }

  /** One sample per word, characters laid left to right in 8-pixel cells. */
  static List<Sample> samples(ModelConfig c) {
    List<Sample> out = new ArrayList<>();
    for (String w : WORDS) {
      out.add(sample(c, w));
    }
    return out;
  }

  static Sample sample(ModelConfig c, String label) {
    int h = c.imageHeight();
    int w = c.imageWidth();
    float[] px = new float[c.pixelCount()];
    Arrays.fill(px, -1f);
    float[] spans = new float[label.length() * 2];
    for (int i = 0; i < label.length(); i++) {
      Random r = new Random(label.charAt(i));
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < 8 && i * 8 + x < w; x++) {
          px[y * w + i * 8 + x] = r.nextBoolean() ? 1f : -1f;
        }
      }
      spans[2 * i] = i * 8;
      spans[2 * i + 1] = i * 8 + 8;
    }
    return new Sample(label, px, label, spans);
  }
}
