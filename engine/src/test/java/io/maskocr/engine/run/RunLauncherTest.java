package io.maskocr.engine.run;

import io.maskocr.engine.train.DataResolver;
import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.ModelSpec;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.StageConfig;
import io.maskocr.engine.train.TrainingEvent;
import io.maskocr.engine.train.TrainingOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.store.RunStatus;
import io.maskocr.engine.store.Workspace;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one training queue: runs of any workspace wait for the one trainer of the process, say
 * what they wait for, can be cancelled, survive the app closing as QUEUED, and wait for another
 * process that trains on the same workspace. The active run's data never arrives (the resolver
 * waits for a latch, then fails), so no real training happens: this is about the queue.
 */
class RunLauncherTest {
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
  void oneTrainerPerProcessAcrossWorkspacesAndWaitersSayWhatTheyWaitFor() throws Exception {
    try (Workspace one = Workspace.open(dir.resolve("one")); Workspace two = Workspace.open(dir.resolve("two"))) {
      CountDownLatch release = new CountDownLatch(1);
      Ticket a = RunLauncher.of(one).submit("a", RECIPE, List.of(), "", waitingThenFailing(release),
          TrainingOptions.unlimited());
      Ticket b = RunLauncher.of(two).submit("b", RECIPE, List.of(), "", waitingThenFailing(release),
          TrainingOptions.unlimited());
      waitUntil(() -> a.state() == Ticket.State.TRAINING);
      assertEquals(Ticket.State.WAITING, b.state(), "a second workspace's run waits for the one trainer");
      assertTrue(b.waitingFor().startsWith("waiting for run " + a.runId()), b.waitingFor());
      assertEquals(a.runId(), RunLauncher.of(one).activeRunId());
      assertEquals(-1, RunLauncher.of(two).activeRunId());
      assertEquals(List.of(b.runId()), RunLauncher.of(two).waitingRunIds());
      release.countDown();
      assertInstanceOf(TrainingEvent.Failed.class, a.awaitEnd(60, TimeUnit.SECONDS));
      assertInstanceOf(TrainingEvent.Failed.class, b.awaitEnd(60, TimeUnit.SECONDS), "b ran after a");
      assertEquals(RunStatus.FAILED, one.runs().get(a.runId()).orElseThrow().status());
      RunLauncher.of(one).close();
      RunLauncher.of(two).close();
    }
  }

  @Test
  void queuedRunsSurviveClosingAndAreTakenUpAgain() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      CountDownLatch release = new CountDownLatch(1);
      RunLauncher q = RunLauncher.of(ws);
      Ticket a = q.submit("a", RECIPE, List.of(), "", waitingThenFailing(release), TrainingOptions.unlimited());
      Ticket b = q.submit("b", RECIPE, List.of(), "", waitingThenFailing(release), TrainingOptions.unlimited());
      Ticket c = q.submit("c", RECIPE, List.of(), "", waitingThenFailing(release), TrainingOptions.unlimited());
      waitUntil(() -> q.activeRunId() == a.runId());
      assertEquals(List.of(b.runId(), c.runId()), q.waitingRunIds());
      assertTrue(c.waitingFor().contains("1 ahead"), c.waitingFor());
      assertEquals(RunStatus.QUEUED, status(ws, b.runId()));
      assertTrue(q.cancelQueued(c.runId()));
      assertEquals(RunStatus.CREATED, status(ws, c.runId()), "a cancelled run without checkpoint is back to created");
      assertTrue(c.isDone());

      // Closing the app: the queue forgets b here, the active run stops (here: fails once released).
      Thread closing = new Thread(q::close);
      closing.start();
      waitUntil(() -> q.waitingRunIds().isEmpty());
      release.countDown();
      closing.join(60_000);
      assertEquals(RunStatus.QUEUED, status(ws, b.runId()), "b still waits in the workspace");

      CountDownLatch release2 = new CountDownLatch(1);
      RunLauncher next = RunLauncher.of(ws);
      assertEquals(List.of(b.runId()), next.restoreQueued(waitingThenFailing(release2), TrainingOptions.unlimited()));
      assertEquals(List.of(), next.restoreQueued(waitingThenFailing(release2), TrainingOptions.unlimited()),
          "restoring twice queues nothing twice");
      waitUntil(() -> next.activeRunId() == b.runId());
      release2.countDown();
      Ticket restored = next.find(b.runId()).orElse(null);
      if (restored != null) {
        restored.awaitEnd(60, TimeUnit.SECONDS);
      }
      waitUntil(() -> status(ws, b.runId()) == RunStatus.FAILED);
      next.close();
    }
  }

  @Test
  void aRunWaitsWhileAnotherProcessTrainsOnTheWorkspace() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), HoldTrainingLock.class.getName(), ws.root().toString())
          .redirectErrorStream(true).start();
      try {
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream()));
        assertEquals("locked", out.readLine());
        assertTrue(TrainingLock.heldElsewhere(ws.root()));
        assertTrue(TrainingLock.holder(ws.root()).orElse("").contains("run 99"));
        CountDownLatch release = new CountDownLatch(1);
        Ticket t = RunLauncher.of(ws).submit("t", RECIPE, List.of(), "", waitingThenFailing(release),
            TrainingOptions.unlimited());
        waitUntil(() -> t.waitingFor().contains("another process"));
        Thread.sleep(500);
        assertEquals(Ticket.State.WAITING, t.state(), "nothing trains while the other process holds the lock");
        assertTrue(t.waitingFor().contains("run 99"), t.waitingFor());
        holder.getOutputStream().close(); // the other process ends and its lock goes with it
        assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        waitUntil(() -> t.state() != Ticket.State.WAITING);
        assertFalse(TrainingLock.heldElsewhere(ws.root()), "this process holds it now");
        release.countDown();
        assertInstanceOf(TrainingEvent.Failed.class, t.awaitEnd(60, TimeUnit.SECONDS));
        RunLauncher.of(ws).close();
      } finally {
        holder.destroyForcibly();
      }
    }
  }

  private static RunStatus status(Workspace ws, long id) {
    return ws.runs().get(id).orElseThrow().status();
  }

  private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("condition not met within 30 s");
      }
      Thread.sleep(20);
    }
  }
}
