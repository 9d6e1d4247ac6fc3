package io.maskocr.engine.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One active-learning round end to end on a micro model (a few steps). */
class FinetuneRoundTest {
  @TempDir Path dir;

  @Test
  void fineTunesFromTheCheckpointScoresValAndRepredictsTheDataset() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      Dataset d = ws.datasets().create("words");
      List<String> train = IntStream.range(0, 16).mapToObj(i -> "ab" + i).toList();
      AnnotateFixtures.addWords(ws, d.id(), train, Split.TRAIN, true);
      AnnotateFixtures.addWords(ws, d.id(), List.of("x1", "x2", "x3"), Split.TRAIN, false);
      AnnotateFixtures.addWords(ws, d.id(), List.of("v1", "v2", "v3", "v4"), Split.VAL, true);
      String base = AnnotateFixtures.microCheckpoint(ws);
      FinetuneRequest req = new FinetuneRequest(base, "words", 4, 8, 1e-3, 0, 3);
      FinetuneOutcome out = new FinetuneRound(ws).run(req, null, null);
      assertEquals(16, out.trainCount(), "only labelled train images are trained on");
      assertEquals(4, out.valCount());
      assertTrue(out.valAccuracyBefore() >= 0 && out.valAccuracyAfter() <= 1);
      assertNotEquals(base, out.checkpoint());
      assertEquals(out.runId() + "@4", out.checkpoint());
      assertEquals(23, ws.predictions().count(d.id(), out.checkpoint()), "the whole dataset is re-predicted");
      assertFalse(out.stopped());
      assertEquals(out.checkpoint(), WorkspaceCheckpoints.newest(ws).orElseThrow().key());
    }
  }

  @Test
  void aDatasetWithoutLabelledTrainImagesIsRefusedClearly() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      Dataset d = ws.datasets().create("raw");
      AnnotateFixtures.addWords(ws, d.id(), List.of("a1"), Split.TRAIN, false);
      String base = AnnotateFixtures.microCheckpoint(ws);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new FinetuneRound(ws).run(FinetuneRequest.quick(base, "raw"), null, null));
      assertTrue(e.getMessage().contains("no labelled train images"), e.getMessage());
    }
  }
}
