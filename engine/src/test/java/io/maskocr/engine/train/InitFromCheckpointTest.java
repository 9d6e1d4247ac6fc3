package io.maskocr.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recipe's {@code init}: starts from a checkpoint's weights, or says clearly why it cannot. */
class InitFromCheckpointTest {
  @TempDir static Path tmp;
  static ModelConfig config;
  static List<Sample> data;
  static Path trained;

  @BeforeAll
  static void trainABaseModel() throws Exception {
    config = TestModels.micro();
    data = GlyphData.samples(config, TrainingServiceTest.WORDS);
    trained = tmp.resolve("base");
    TrainingEvent end = TrainingServiceTest.train(TrainingServiceTest.recipe(config, 0, 30, 3e-3), trained, data,
        TrainingOptions.unlimited(), new ArrayList<>());
    assertInstanceOf(TrainingEvent.Finished.class, end, String.valueOf(end));
  }

  /** Starts a run from {@code init} and stops it before its first step, with a checkpoint. */
  static TrainingEvent startFrom(String init, Recipe recipe, Path runDir) throws Exception {
    return TrainingServiceTest.train(recipe.withInit(init), runDir, data, new TrainingOptions(0, 0), new ArrayList<>());
  }

  static List<Prediction> read(Path runOrCheckpoint) throws Exception {
    try (Recognizer r = Recognizer.load(runOrCheckpoint)) {
      return r.predict(data.stream().map(Sample::pixels).toList());
    }
  }

  static void assertSameReadings(List<Prediction> expected, List<Prediction> actual) {
    assertSameReadings(expected, actual, 1e-6f);
  }

  /** The same texts, every character probability within {@code tolerance}. */
  static void assertSameReadings(List<Prediction> expected, List<Prediction> actual, float tolerance) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i).text(), actual.get(i).text(), "sample " + i);
      assertArrayEquals(expected.get(i).charProbabilities(), actual.get(i).charProbabilities(), tolerance,
          "sample " + i);
    }
  }

  @Test
  void aRunStartedFromACheckpointFolderReadsExactlyAsThatCheckpoint() throws Exception {
    Path run = tmp.resolve("from-folder");
    TrainingEvent end = startFrom(Checkpoints.resolve(trained).toString(), TrainingServiceTest.recipe(config, 0, 10, 1e-3), run);
    assertInstanceOf(TrainingEvent.Finished.class, end, String.valueOf(end));
    assertEquals(0, end.step());
    assertSameReadings(read(trained), read(run));
  }

  @Test
  void initStarterLoadsTheStarterModel() throws Exception {
    String before = System.getProperty("maskocr.starter");
    System.setProperty("maskocr.starter", Checkpoints.resolve(trained).toString());
    try {
      assertEquals(Checkpoints.resolve(trained), StarterModel.require());
      Path run = tmp.resolve("from-starter");
      TrainingEvent end = startFrom("starter", TrainingServiceTest.recipe(config, 0, 10, 1e-3), run);
      assertInstanceOf(TrainingEvent.Finished.class, end, String.valueOf(end));
      assertSameReadings(read(StarterModel.require()), read(run));
    } finally {
      if (before == null) {
        System.clearProperty("maskocr.starter");
      } else {
        System.setProperty("maskocr.starter", before);
      }
    }
  }

  @Test
  void aCharsetMismatchNamesBothCharsets() throws Exception {
    Recipe base = TrainingServiceTest.recipe(config, 0, 10, 1e-3);
    Map<String, Object> o = new HashMap<>(base.model().overrides());
    o.put("charset", "latin94");
    Recipe other = base.withModel(new ModelSpec("tiny", o));
    TrainingEvent end = startFrom(Checkpoints.resolve(trained).toString(), other, tmp.resolve("mismatch"));
    TrainingEvent.Failed f = assertInstanceOf(TrainingEvent.Failed.class, end);
    assertTrue(f.reason().contains("'latin94'") && f.reason().contains("'latin36'"), f.reason());
    assertTrue(f.reason().contains("init"), "says where the other charset comes from: " + f.reason());
  }

  @Test
  void anUnknownInitSaysWhatItMayBe() throws Exception {
    TrainingEvent end = startFrom("no-such-model", TrainingServiceTest.recipe(config, 0, 10, 1e-3), tmp.resolve("bad"));
    TrainingEvent.Failed f = assertInstanceOf(TrainingEvent.Failed.class, end);
    assertTrue(f.reason().contains("no-such-model") && f.reason().contains("starter"), f.reason());
  }
}
