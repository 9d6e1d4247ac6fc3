package io.maskocr.engine.train;

import io.maskocr.engine.run.StandardStages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.maskocr.engine.data.Sample;
import io.maskocr.engine.infer.Prediction;
import io.maskocr.engine.infer.Recognizer;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.TestModels;
import io.maskocr.engine.store.NewRun;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishing a starter: half-float weights that read as the 32-bit ones do, and provenance that
 * lists every chunk, also one that stopped early and was continued from its checkpoint.
 */
class StarterPublisherTest {
  /** Stated tolerance of half-float weights: the same text, character probabilities within this. */
  static final float HALF_TOLERANCE = 0.01f;

  @TempDir Path tmp;

  static long chunk(Workspace ws, Recipe r, List<Sample> data, TrainingOptions options) throws Exception {
    long id = ws.runs().create(new NewRun(r.name(), Recipes.json().writeValueAsString(r), r.seed(), "{}", "test",
        "test machine", List.of(), "")).id();
    TrainingService s = new TrainingService(r, Long.toString(id), ws.runs().dir(id), new DelegatingResolver(ws, data),
        new WorkspaceRunRecorder(ws, id), StandardStages.registry(), options);
    s.start();
    assertInstanceOf(TrainingEvent.Finished.class, s.awaitEnd(5, TimeUnit.MINUTES));
    return id;
  }

  @Test
  void aPublishedStarterListsEveryChunkAndReadsAsItsLastCheckpoint() throws Exception {
    ModelConfig c = TestModels.micro();
    List<Sample> data = GlyphData.samples(c, TrainingServiceTest.WORDS);
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      Recipe recipe = TrainingServiceTest.recipe(c, 0, 40, 3e-3);
      long first = chunk(ws, recipe, data, new TrainingOptions(15, 0)); // stopped early, at step 15
      assertThrows(IllegalArgumentException.class, () -> StarterPublisher.publish(ws, first, tmp.resolve("x"), true),
          "an unfinished chunk is not published");
      Path firstCheckpoint = Checkpoints.resolve(ws.runs().dir(first));
      long second = chunk(ws, recipe.withInit(firstCheckpoint.toString()), data, TrainingOptions.unlimited());

      Path out = tmp.resolve("starter");
      JsonNode p = StarterPublisher.publish(ws, second, out, true);
      assertEquals(2, p.path("chunks").size(), p.toString());
      assertEquals(15, p.path("chunks").get(0).path("steps").asLong());
      assertFalse(p.path("chunks").get(0).path("completed").asBoolean());
      assertEquals(15 + 40, p.path("totalSteps").asLong());
      assertEquals((15 + 40) * 8, p.path("imagesSeen").asLong());
      CheckpointInfo shipped = Checkpoints.readInfo(out);
      assertEquals(15 + 40, shipped.step());
      assertEquals(shipped.step(), shipped.recipe().totalSteps(), "the shipped recipe is the whole history");
      assertEquals(2, shipped.recipe().stages().size());
      for (String field : List.of("wallClockHours", "gitRevision", "machine", "data")) {
        assertTrue(p.has(field), "provenance has " + field);
      }
      assertTrue(Files.size(out.resolve("weights.bin")) < Files.size(Checkpoints.resolve(ws.runs().dir(second))
          .resolve("weights.bin")) * 0.6, "half floats take about half the space");

      List<float[]> pixels = data.stream().map(Sample::pixels).toList();
      List<Prediction> full;
      try (Recognizer r = Recognizer.load(ws.runs().dir(second))) {
        full = r.predict(pixels);
      }
      try (Recognizer r = Recognizer.load(out)) {
        List<Prediction> half = r.predict(pixels);
        for (int i = 0; i < full.size(); i++) {
          assertEquals(full.get(i).text(), half.get(i).text(), "sample " + i);
          float[] a = full.get(i).charProbabilities();
          float[] b = half.get(i).charProbabilities();
          for (int k = 0; k < a.length; k++) {
            assertEquals(a[k], b[k], HALF_TOLERANCE, "sample " + i + " character " + k);
          }
        }
      }
    }
  }

  /** Glyph data for the stages, run ids of the workspace for {@code init}. */
  private record DelegatingResolver(Workspace ws, List<Sample> data) implements DataResolver {
    @Override
    public io.maskocr.engine.data.DataSource resolve(DataSpec spec, ModelConfig config, long seed) {
      return GlyphData.resolver(data).resolve(spec, config, seed);
    }

    @Override
    public Path resolveInit(String init) {
      return InitCheckpoint.resolve(init, ws);
    }
  }
}
