package io.maskocr.app.ui.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.store.RunStatus;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.DataResolver;
import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.ModelSpec;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.StageConfig;
import io.maskocr.engine.train.StageRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs waiting in the training queue are recorded as QUEUED, stay so when the app closes, and
 * the next queue on the workspace takes them up again. The active run's data never arrives
 * (the resolver waits, then fails), so no training happens: this is about the queue only.
 */
class TrainingQueueRestoreTest {
  @TempDir Path dir;

  private static final Recipe RECIPE = new Recipe("q", "", 1L, new ModelSpec("tiny", Map.of("charset", "latin36")),
      60.0, 1, 10, List.of(new StageConfig("finetune", 2, 4, 1e-3, null, 1, null, null, null, null,
          List.of(new DataSpec("synthetic", null, null, null, null, null, null)))));

  /** Holds the active run in data resolution until released, then fails it. */
  private static DataResolver waitingThenFailing(CountDownLatch release) {
    return (spec, config, seed) -> {
      try {
        release.await(60, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      throw new IllegalArgumentException("no data in this test");
    };
  }

  @Test
  void queuedRunsSurviveClosingTheQueueAndAreTakenUpByTheNextOne() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      CountDownLatch release = new CountDownLatch(1);
      TrainingQueue q = new TrainingQueue(ws, waitingThenFailing(release), StageRegistry.standard());
      long a = q.submit("a", RECIPE, List.of());
      long b = q.submit("b", RECIPE, List.of());
      long c = q.submit("c", RECIPE, List.of());
      assertEquals(a, q.activeRunId());
      assertEquals(List.of(b, c), q.waiting().stream().map(TrainingQueue.Queued::runId).toList());
      assertEquals(RunStatus.QUEUED, status(ws, b));
      assertTrue(q.cancelQueued(c));
      assertEquals(RunStatus.CREATED, status(ws, c), "a cancelled run without checkpoint is back to created");

      // Closing the app: the queue is emptied here, the active run stops (here: fails once released).
      Thread closing = new Thread(q::close);
      closing.start();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!q.waiting().isEmpty() && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      release.countDown();
      closing.join(60_000);
      assertEquals(-1, q.activeRunId(), "the queue did not start run b while closing");
      assertEquals(RunStatus.QUEUED, status(ws, b), "b still waits in the workspace");

      CountDownLatch release2 = new CountDownLatch(1);
      TrainingQueue next = new TrainingQueue(ws, waitingThenFailing(release2), StageRegistry.standard());
      assertEquals(List.of(b), next.restoreQueued());
      assertEquals(b, next.activeRunId());
      assertEquals(List.of(), next.restoreQueued(), "restoring twice queues nothing twice");
      release2.countDown();
      next.close();
      assertEquals(RunStatus.FAILED, status(ws, b));
    }
  }

  private static RunStatus status(Workspace ws, long id) {
    return ws.runs().get(id).orElseThrow().status();
  }
}
