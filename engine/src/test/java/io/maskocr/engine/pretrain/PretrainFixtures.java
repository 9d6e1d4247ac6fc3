package io.maskocr.engine.pretrain;

import io.maskocr.engine.run.StandardStages;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.data.Sample;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.Tensor;
import io.maskocr.engine.model.TensorFile;
import io.maskocr.engine.model.TestModels;
import io.maskocr.engine.train.Checkpoints;
import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.GlyphData;
import io.maskocr.engine.train.MaskSpec;
import io.maskocr.engine.train.ModelSpec;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.RunRecorder;
import io.maskocr.engine.train.StageConfig;
import io.maskocr.engine.train.StageRegistry;
import io.maskocr.engine.train.TrainingEvent;
import io.maskocr.engine.train.TrainingOptions;
import io.maskocr.engine.train.TrainingService;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** Micro recipes and a trainer harness for the pre-training stage tests. */
final class PretrainFixtures {
  static final List<String> WORDS = List.of("ab", "ba", "cab", "dd", "abcd", "c", "dab", "bcd");

  private PretrainFixtures() {}

  static ModelConfig micro() {
    return TestModels.micro();
  }

  static List<Sample> glyphs() {
    return GlyphData.samples(micro(), WORDS);
  }

  static DataSpec real() {
    return GlyphData.spec();
  }

  static DataSpec synthetic() {
    return new DataSpec("synthetic", null, null, null, null, null, null);
  }

  static StageConfig stage(String type, int steps, double lr, MaskSpec mask, Map<String, Double> params, DataSpec data) {
    return new StageConfig(type, steps, 8, lr, null, 2, 0.0, 1.0, 0.0, mask, List.of(data), params);
  }

  static Recipe recipe(StageConfig... stages) {
    ModelConfig c = micro();
    Map<String, Object> o = new HashMap<>(Map.of(
        "imageWidth", c.imageWidth(), "width", c.width(), "depth", c.depth(), "heads", c.heads(),
        "decoderDepth", c.decoderDepth(), "decoderHeads", c.decoderHeads(), "mimWidth", c.mimWidth(),
        "mimDepth", c.mimDepth(), "mimHeads", c.mimHeads(), "maxLength", c.maxLength()));
    o.put("charset", "latin36");
    return new Recipe("test", "", 7L, new ModelSpec("tiny", o), 60.0, 1, 10, List.of(stages));
  }

  /** Runs {@code r} in {@code dir} (resuming when it holds a checkpoint); events go to {@code sink}. */
  static TrainingEvent train(Recipe r, Path dir, TrainingOptions opt, List<TrainingEvent> sink) throws Exception {
    TrainingService s = new TrainingService(r, "t", dir, GlyphData.resolver(glyphs()), RunRecorder.none(),
        StandardStages.registry(), opt);
    s.addListener(sink::add);
    s.start();
    return s.awaitEnd(3, TimeUnit.MINUTES);
  }

  static TrainingEvent train(Recipe r, Path dir, TrainingOptions opt) throws Exception {
    return train(r, dir, opt, new CopyOnWriteArrayList<>());
  }

  /**
   * Saves the untrained model as the checkpoint of step 0, then trains {@code r} to its end (so
   * tests can compare weights before and after); fails unless the run finishes.
   *
   * @return the events of the training session
   */
  static List<TrainingEvent> trainFromCheckpointZero(Recipe r, Path dir) throws Exception {
    assertInstanceOf(TrainingEvent.Finished.class, train(r, dir, new TrainingOptions(0, 0)));
    List<TrainingEvent> events = new CopyOnWriteArrayList<>();
    TrainingEvent end = train(r, dir, TrainingOptions.unlimited(), events);
    assertInstanceOf(TrainingEvent.Finished.class, end, String.valueOf(end));
    return events;
  }

  /** The mean of the last three logged losses of stage {@code type} is below 90% of the first three's. */
  static void assertLossFalls(List<TrainingEvent> events, String type) {
    double[] l = losses(events, type);
    assertTrue(l.length >= 10, "too few metrics for " + type + ": " + l.length);
    double first = mean(l, 0, 3);
    double last = mean(l, l.length - 3, l.length);
    assertTrue(last < 0.9 * first, type + " loss did not fall: first " + first + " last " + last);
  }

  /** Losses of the Metrics events of stage type {@code type}, in step order. */
  static double[] losses(List<TrainingEvent> events, String type) {
    return events.stream()
        .filter(e -> e instanceof TrainingEvent.Metrics m && m.stageType().equals(type))
        .mapToDouble(e -> ((TrainingEvent.Metrics) e).loss())
        .toArray();
  }

  static double mean(double[] v, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += v[i];
    }
    return s / (to - from);
  }

  /** The checkpoint folder of step {@code step}. */
  static Path checkpoint(Path runDir, long step) {
    return Checkpoints.list(runDir).stream()
        .filter(p -> Long.parseLong(p.getFileName().toString()) == step)
        .findFirst().orElseThrow(() -> new AssertionError("no checkpoint at step " + step + " in " + runDir));
  }

  /** Weights of the checkpoint at {@code step} whose names start with {@code prefix}. */
  static Map<String, Tensor> weights(Path runDir, long step, String prefix) throws IOException {
    return weights(runDir, step, "weights.bin", prefix);
  }

  /** Tensors of file {@code file} (weights.bin, a side file) of the checkpoint at {@code step}, by name prefix. */
  static Map<String, Tensor> weights(Path runDir, long step, String file, String prefix) throws IOException {
    Map<String, Tensor> out = new LinkedHashMap<>();
    TensorFile.read(checkpoint(runDir, step).resolve(file)).forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.put(k, v);
      }
    });
    return out;
  }

  static boolean identical(Map<String, Tensor> a, Map<String, Tensor> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (String k : a.keySet()) {
      if (!java.util.Arrays.equals(a.get(k).data(), b.get(k).data())) {
        return false;
      }
    }
    return true;
  }
}
