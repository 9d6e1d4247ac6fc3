package io.maskocr.test.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.annotate.CheckpointRef;
import io.maskocr.engine.learn.LearnModel;
import io.maskocr.engine.store.RunRecord;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Ensure a model": trains once in an empty workspace, then reuses the checkpoint. */
class LearnModelTest {
  @TempDir Path tmp;

  @Test
  void trainsOnceWithProgressThenReusesTheCheckpoint() throws Exception {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      List<long[]> progress = new ArrayList<>();
      long t0 = System.nanoTime();
      CheckpointRef first = LearnModel.ensure(ws, LearnFixtures.tinyQuick(20),
          (s, total, msg) -> progress.add(new long[] {s, total}), () -> false);
      System.out.printf("learn: tiny quick model, 20 steps, trained in %.1f s%n", (System.nanoTime() - t0) / 1e9);
      assertFalse(progress.isEmpty(), "progress was reported");
      assertEquals(20, progress.get(progress.size() - 1)[1], "progress counts the recipe's steps");
      assertEquals(20, first.step(), "the checkpoint is at the end of the recipe");
      // The bundled words are imported only for a recipe that reads workspace data.
      assertEquals(LearnModel.readsWorkspace(LearnFixtures.tinyQuick(20)), !ws.datasets().list().isEmpty(),
          "bundled samples imported exactly when the recipe needs workspace data");
      List<RunRecord> runs = ws.runs().list();
      assertEquals(1, runs.size());
      assertTrue(runs.get(0).tags().contains("learn"), "the run is recorded and tagged: " + runs.get(0).tags());

      CheckpointRef again = LearnModel.ensure(ws, LearnFixtures.tinyQuick(20), (s, total, msg) -> {
        throw new AssertionError("must not train again");
      }, () -> false);
      assertEquals(first.key(), again.key());
      assertEquals(1, ws.runs().list().size());
    }
  }
}
