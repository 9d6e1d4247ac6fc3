package io.maskocr.test.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.learn.BundledSamples;
import io.maskocr.engine.learn.ConfidenceSurvey;
import io.maskocr.engine.learn.LearnFacts;
import io.maskocr.engine.learn.LearnProgress;
import io.maskocr.engine.learn.LearnProgressFile;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.ModelPresets;
import io.maskocr.engine.train.MaskGenerator;
import io.maskocr.engine.train.MaskStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The numbers Learn prints come from the config; progress and samples read back as written. */
class LearnFactsTest {
  @TempDir Path tmp;

  @Test
  void patchAndMaskNumbersFollowTheConfig() {
    ModelConfig tiny = ModelPresets.get("tiny");
    assertTrue(LearnFacts.patches(tiny, tiny).startsWith("32x128 input -> 32 patches of 32x4"),
        LearnFacts.patches(tiny, tiny));
    assertTrue(LearnFacts.patches(tiny, tiny).contains("(1, 32, 128)") && LearnFacts.patches(tiny, tiny).contains("(1, 32, 192)"));
    ModelConfig wide = ModelPresets.get("tiny", Map.of("imageWidth", 256, "patchWidth", 8));
    assertTrue(LearnFacts.patches(wide, wide).startsWith("32x256 input -> 32 patches of 32x8"));
    ModelConfig squares = LearnFacts.withPatch(tiny, 16, 16);
    assertTrue(LearnFacts.patches(tiny, squares).contains("16 patches of 16x16 (2 rows x 8 columns)"),
        LearnFacts.patches(tiny, squares));
    assertTrue(LearnFacts.patches(tiny, squares).contains("trained model uses 32x4"));
    assertEquals(List.of(1, 2, 4, 8, 16, 32), LearnFacts.divisors(32, 1));

    int masked = new MaskGenerator(MaskStrategy.RANDOM, 0.7, tiny).maskedCount();
    assertTrue(LearnFacts.masking(tiny, 0.7, masked).startsWith("32 patches of 32x4, 70% masked -> 22 hidden, 10 visible"),
        LearnFacts.masking(tiny, 0.7, masked));
  }

  @Test
  void aThresholdSplitsReadingsIntoAnnotatorWorkAndAcceptedErrors() {
    ConfidenceSurvey s = new ConfidenceSurvey(List.of(
        new ConfidenceSurvey.Item("cat", "cat", 0.95), new ConfidenceSurvey.Item("dog", "dig", 0.40),
        new ConfidenceSurvey.Item("sun", "sun", 0.55), new ConfidenceSurvey.Item("sea", "see", 0.80)));
    ConfidenceSurvey.Split sp = s.split(0.6);
    assertEquals(new ConfidenceSurvey.Split(2, 1, 2, 1), sp);
    assertEquals(0.5, s.accuracy());
    assertTrue(LearnFacts.threshold(s, 0.6).contains("2 go to annotators and hold 1 of the 2 wrong readings"));
  }

  @Test
  void progressRoundTripsAndABrokenFileRestartsAtTheBeginning() throws Exception {
    LearnProgressFile f = new LearnProgressFile(tmp);
    assertEquals(LearnProgress.start(), f.load());
    f.save(new LearnProgress(4, "/pictures/exit.png"));
    assertEquals(new LearnProgress(4, "/pictures/exit.png"), f.load());
    assertEquals(-1, f.load().sampleIndex());
    Files.writeString(f.path(), "{ not json");
    assertEquals(LearnProgress.start(), f.load());
  }

  @Test
  void bundledSamplesCarryOneSpanPerCharacter() throws Exception {
    BundledSamples b = BundledSamples.standard();
    assertEquals(300, b.size());
    BundledSamples.Entry first = b.entries().get(0);
    assertEquals("marmot", first.label());
    assertEquals(2 * first.label().length(), first.spans().length);
    assertEquals("sample:0", b.image(0).source());
    Path broken = Files.createDirectories(tmp.resolve("broken"));
    Files.writeString(broken.resolve("labels.tsv"), "images/a.png\tok\nno-tab-here\n");
    try {
      BundledSamples.load(broken);
      throw new AssertionError("a malformed line must be refused");
    } catch (java.io.IOException e) {
      assertTrue(e.getMessage().contains("labels.tsv:2"), e.getMessage());
    }
  }
}
