package io.maskocr.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.data.BatchSampler;
import io.maskocr.engine.data.InMemorySource;
import io.maskocr.engine.data.Sample;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.ModelPresets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ScheduleAndMaskTest {
  static StageConfig stage(int steps, int warm, double lr, double min) {
    return new StageConfig("finetune", steps, 8, lr, min, warm, null, null, null, null, List.of(GlyphData.spec()));
  }

  @Test
  void learningRateWarmsUpLinearlyThenFollowsTheCosineToTheFloor() {
    StageConfig s = stage(111, 10, 1e-3, 1e-5); // steps 0..110; the last one is at the floor
    assertEquals(1e-4, LearningRate.at(0, s), 1e-12);
    assertEquals(1e-3, LearningRate.at(9, s), 1e-12);
    assertEquals(1e-3, LearningRate.at(10, s), 1e-12);
    assertEquals((1e-3 + 1e-5) / 2, LearningRate.at(60, s), 1e-12);
    assertEquals(1e-5, LearningRate.at(110, s), 1e-12);
    for (int i = 10; i < 110; i++) {
      assertTrue(LearningRate.at(i + 1, s) <= LearningRate.at(i, s));
    }
  }

  @Test
  void everyStrategyHidesExactlyTheRequestedShare() {
    ModelConfig c = ModelPresets.get("tiny");
    SplittableRandom r = new SplittableRandom(3);
    float[] spans = {0, 20, 20, 45, 45, 60, 60, 100};
    for (MaskStrategy st : MaskStrategy.values()) {
      MaskGenerator g = new MaskGenerator(st, 0.4, c);
      for (int i = 0; i < 50; i++) {
        boolean[] m = g.next(r, spans);
        int n = 0;
        for (boolean b : m) {
          n += b ? 1 : 0;
        }
        assertEquals(13, n, st + " hides round(0.4 * 32) strips");
      }
    }
    assertEquals(0, new MaskGenerator(MaskStrategy.RANDOM, 0, c).maskedCount());
  }

  @Test
  void characterMaskingHidesWholeCharactersFirst() {
    ModelConfig c = ModelPresets.get("tiny");
    // two characters of exactly 8 strips each (32 px); ratio 0.25 = 8 strips = one character
    float[] spans = {0, 32, 32, 64};
    MaskGenerator g = new MaskGenerator(MaskStrategy.CHARACTER, 0.25, c);
    boolean[] m = g.next(new SplittableRandom(1), spans);
    boolean first = m[0] && m[7] && !m[8];
    boolean second = m[8] && m[15] && !m[7];
    assertTrue(first || second, java.util.Arrays.toString(m));
    for (int i = 16; i < 32; i++) {
      assertTrue(!m[i], "strip " + i + " holds no chosen character");
    }
  }

  @Test
  void batchesArePureFunctionsOfTheStep() {
    ModelConfig c = io.maskocr.engine.model.TestModels.micro();
    List<Sample> data = GlyphData.samples(c, TrainingServiceTest.WORDS);
    BatchSampler a = new BatchSampler(List.of(new InMemorySource("g", data)), new double[] {1}, 9, s -> true);
    BatchSampler b = new BatchSampler(List.of(new InMemorySource("g", data)), new double[] {1}, 9, s -> true);
    List<String> epoch = new ArrayList<>();
    for (int step = 0; step < 2; step++) {
      a.batch(step, 4).forEach(s -> epoch.add(s.id()));
    }
    assertEquals(8, epoch.stream().distinct().count(), "one epoch visits every sample once");
    assertArrayEquals(ids(a.batch(7, 4)), ids(b.batch(7, 4)));
    assertArrayEquals(ids(a.batch(3, 4)), ids(b.batch(3, 4)));
  }

  private static String[] ids(List<Sample> s) {
    return s.stream().map(Sample::id).toArray(String[]::new);
  }
}
