package io.maskocr.engine.train;

import io.maskocr.engine.run.StandardStages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.data.Sample;
import io.maskocr.engine.infer.Prediction;
import io.maskocr.engine.infer.Recognizer;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.TestModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingServiceTest {
  static final List<String> WORDS = List.of("ab", "ba", "cab", "dd", "abcd", "c", "dab", "bcd");

  static Recipe recipe(ModelConfig c, int mimSteps, int ftSteps, double lr) {
    Map<String, Object> overrides = Map.of(
        "imageWidth", c.imageWidth(), "width", c.width(), "depth", c.depth(), "heads", c.heads(),
        "decoderDepth", c.decoderDepth(), "decoderHeads", c.decoderHeads(), "mimWidth", c.mimWidth(),
        "mimDepth", c.mimDepth(), "mimHeads", c.mimHeads(), "maxLength", c.maxLength());
    List<StageConfig> stages = new ArrayList<>();
    if (mimSteps > 0) {
      stages.add(new StageConfig("mim", mimSteps, 8, 1e-3, null, 2, null, null, null,
          new MaskSpec("character", 0.5), List.of(GlyphData.spec())));
    }
    stages.add(new StageConfig("finetune", ftSteps, 8, lr, null, 5, 0.0, 1.0, 0.0, null, List.of(GlyphData.spec())));
    java.util.HashMap<String, Object> o = new java.util.HashMap<>(overrides);
    o.put("charset", "latin36");
    return new Recipe("test", "", 7L, new ModelSpec("tiny", o), 60.0, 5, 5, stages);
  }

  static TrainingEvent train(Recipe r, Path dir, List<Sample> data, TrainingOptions opt, List<TrainingEvent> sink)
      throws Exception {
    TrainingService s = new TrainingService(r, "t", dir, GlyphData.resolver(data), RunRecorder.none(),
        StandardStages.registry(), opt);
    s.addListener(sink::add);
    s.start();
    TrainingEvent end = s.awaitEnd(5, TimeUnit.MINUTES);
    return end;
  }

  @Test
  void tinyModelOverfitsASmallBatchAndReadsItBack(@TempDir Path dir) throws Exception {
    ModelConfig c = TestModels.micro();
    List<Sample> data = GlyphData.samples(c, WORDS);
    List<TrainingEvent> events = new CopyOnWriteArrayList<>();
    TrainingEvent end = train(recipe(c, 10, 150, 3e-3), dir, data, TrainingOptions.unlimited(), events);
    assertInstanceOf(TrainingEvent.Finished.class, end, String.valueOf(end));
    assertTrue(events.stream().anyMatch(e -> e instanceof TrainingEvent.Reconstruction));
    assertTrue(events.stream().anyMatch(e -> e instanceof TrainingEvent.AttentionSnapshot));
    try (Recognizer rec = Recognizer.load(dir)) {
      List<Prediction> p = rec.predict(data.stream().map(Sample::pixels).toList());
      Recognizer.Readings all = rec.readAllWays(data.stream().map(Sample::pixels).toList());
      assertEquals(data.stream().map(Sample::label).toList(), all.ctcAlone(), "the CTC head reads the batch too");
      assertEquals(data.stream().map(Sample::label).toList(), all.decoderAlone(), "and so does the decoder alone");
      assertEquals(p.stream().map(Prediction::text).toList(), all.chosen().stream().map(Prediction::text).toList(),
          "one pass reads as predict does");
      for (int i = 0; i < data.size(); i++) {
        assertEquals(data.get(i).label(), p.get(i).text(), "sample " + i);
        assertTrue(p.get(i).confidence() > 0.5, "confidence " + p.get(i).confidence());
        for (float[] row : p.get(i).attention()) {
          double sum = 0;
          for (float v : row) {
            sum += v;
          }
          assertEquals(1.0, sum, 1e-4);
        }
      }
    }
  }

  @Test
  void aStoppedRunResumesAtItsStepWithTheSameResult(@TempDir Path a, @TempDir Path b) throws Exception {
    ModelConfig c = TestModels.micro();
    List<Sample> data = GlyphData.samples(c, WORDS);
    Recipe r = recipe(c, 6, 14, 1e-3);
    List<TrainingEvent> first = new CopyOnWriteArrayList<>();
    TrainingEvent stopped = train(r, a, data, new TrainingOptions(9, 0), first);
    assertInstanceOf(TrainingEvent.Finished.class, stopped);
    assertEquals(9, stopped.step());
    List<TrainingEvent> second = new CopyOnWriteArrayList<>();
    TrainingEvent done = train(r, a, data, TrainingOptions.unlimited(), second);
    assertEquals(20, done.step());
    assertTrue(((TrainingEvent.Finished) done).completed());
    TrainingEvent.StageStarted resumed = (TrainingEvent.StageStarted) second.stream()
        .filter(e -> e instanceof TrainingEvent.StageStarted).findFirst().orElseThrow();
    assertEquals(9, resumed.step());
    assertEquals(1, resumed.stageIndex());
    // An uninterrupted run ends with the same weights: same step count, same data order.
    TrainingEvent straight = train(r, b, data, TrainingOptions.unlimited(), new ArrayList<>());
    assertEquals(20, straight.step());
    try (Recognizer ra = Recognizer.load(a); Recognizer rb = Recognizer.load(b)) {
      float[][] x = ra.predict(List.of(data.get(4).pixels())).get(0).attention();
      float[][] y = rb.predict(List.of(data.get(4).pixels())).get(0).attention();
      assertEquals(x.length, y.length);
      for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < x[i].length; j++) {
          assertEquals(x[i][j], y[i][j], 1e-4, "attention differs at " + i + "," + j);
        }
      }
    }
  }

  @Test
  void nonFiniteLossStopsTheRunWithAReason(@TempDir Path dir) throws Exception {
    ModelConfig c = TestModels.micro();
    List<Sample> data = new ArrayList<>(GlyphData.samples(c, WORDS));
    float[] huge = new float[c.pixelCount()];
    java.util.Arrays.fill(huge, Float.MAX_VALUE);
    for (int i = 0; i < data.size(); i++) {
      data.set(i, new Sample("x", huge, data.get(i).label(), null));
    }
    TrainingEvent end = train(recipe(c, 0, 8, 1e-3), dir, data, TrainingOptions.unlimited(), new ArrayList<>());
    TrainingEvent.Failed f = assertInstanceOf(TrainingEvent.Failed.class, end);
    assertTrue(f.reason().contains("NaN") && f.reason().contains("5 consecutive steps"), f.reason());
  }

  @Test
  void aNonFinitePixelIsReportedWithItsSample(@TempDir Path dir) throws Exception {
    ModelConfig c = TestModels.micro();
    List<Sample> data = new ArrayList<>(GlyphData.samples(c, WORDS));
    float[] bad = data.get(0).pixels().clone();
    bad[3] = Float.NaN;
    data.set(0, new Sample("broken-crop", bad, "ab", null));
    TrainingEvent end = train(recipe(c, 0, 8, 1e-3), dir, data, TrainingOptions.unlimited(), new ArrayList<>());
    TrainingEvent.Failed f = assertInstanceOf(TrainingEvent.Failed.class, end);
    assertTrue(f.reason().contains("broken-crop"), f.reason());
  }
}
