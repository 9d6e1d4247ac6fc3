package io.maskocr.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.maskocr.engine.data.Sample;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.TestModels;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Growing a trained encoder deeper: the grown run reads exactly as its source, trains on, and a
 * starter published from it lists the chunks before the growth, the growth, and the chunk after.
 */
class ModelGrowthTest {
  @TempDir Path tmp;

  @Test
  void aGrownRunReadsAsItsSourceAndItsTrainedSuccessorKeepsTheWholeHistory() throws Exception {
    ModelConfig c = TestModels.micro();
    List<Sample> data = GlyphData.samples(c, TrainingServiceTest.WORDS);
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      Recipe recipe = TrainingServiceTest.recipe(c, 0, 30, 3e-3);
      long source = StarterPublisherTest.chunk(ws, recipe, data, TrainingOptions.unlimited());

      GrownRun.Result grown = GrownRun.create(ws, source, 2 * c.depth());
      assertEquals(2 * c.depth(), Checkpoints.readInfo(grown.checkpoint()).model().depth());
      assertEquals(c.depth(), grown.fromDepth());
      InitFromCheckpointTest.assertSameReadings(read(ws, source, data), read(ws, grown.runId(), data), 1e-5f);
      JsonNode from = Recipes.json().readTree(ws.runs().get(grown.runId()).orElseThrow().provenanceJson())
          .path("grownFrom");
      assertEquals(source, from.path("run").asLong());
      assertEquals(64, from.path("weightsSha256").asText().length());

      long after = StarterPublisherTest.chunk(ws, recipe.withInit(Long.toString(grown.runId())), data,
          TrainingOptions.unlimited());
      JsonNode p = StarterPublisher.publish(ws, after, tmp.resolve("starter"), true);
      JsonNode chunks = p.path("chunks");
      assertEquals(3, chunks.size(), p.toString());
      assertEquals(source, chunks.get(0).path("run").asLong());
      assertEquals("grow", chunks.get(1).path("recipe").asText());
      assertEquals(0, chunks.get(1).path("steps").asLong());
      assertEquals(after, chunks.get(2).path("run").asLong());
      assertEquals(30 + 30, p.path("totalSteps").asLong(), "the growth adds no steps");
      assertEquals(2 * c.depth(), Checkpoints.readInfo(tmp.resolve("starter")).model().depth());
    }
  }

  @Test
  void growingToNoMoreBlocksIsAClearError() throws Exception {
    ModelConfig c = TestModels.micro();
    List<Sample> data = GlyphData.samples(c, TrainingServiceTest.WORDS);
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      long source = StarterPublisherTest.chunk(ws, TrainingServiceTest.recipe(c, 0, 2, 1e-3), data,
          TrainingOptions.unlimited());
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> GrownRun.create(ws, source, c.depth()));
      assertTrue(e.getMessage().contains("--depth " + c.depth()), e.getMessage());
      assertEquals(1, ws.runs().list().size(), "nothing is registered");
    }
  }

  @Test
  void grownBlocksCopyTheirSourceInOrder() {
    assertEquals(List.of(0, 0, 1, 1, 2, 2, 3, 3), List.of(0, 1, 2, 3, 4, 5, 6, 7).stream()
        .map(j -> ModelGrowth.sourceBlock(j, 4, 8)).toList());
    assertEquals(List.of(0, 0, 1, 2, 2, 3), List.of(0, 1, 2, 3, 4, 5).stream()
        .map(j -> ModelGrowth.sourceBlock(j, 4, 6)).toList());
  }

  private static List<io.maskocr.engine.infer.Prediction> read(Workspace ws, long run, List<Sample> data)
      throws Exception {
    try (io.maskocr.engine.infer.Recognizer r = io.maskocr.engine.infer.Recognizer.load(ws.runs().dir(run))) {
      return r.predict(data.stream().map(Sample::pixels).toList());
    }
  }
}
