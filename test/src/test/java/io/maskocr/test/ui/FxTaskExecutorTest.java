package io.maskocr.test.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.app.ui.task.FxTaskExecutor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The production executor: work off the FX thread, results and properties on it. */
@ExtendWith(ApplicationExtension.class)
class FxTaskExecutorTest {
  private final FxTaskExecutor executor = new FxTaskExecutor(2);

  @AfterEach
  void close() {
    executor.close();
  }

  @Test
  void theBodyRunsOffTheFxThreadAndCallbacksAndPropertyChangesOnIt(FxRobot robot)
      throws Exception {
    List<String> threads = new CopyOnWriteArrayList<>();
    CountDownLatch done = new CountDownLatch(1);
    BackgroundTask<Integer> task = BackgroundTask.of("Sum", ctx -> {
      threads.add("body fx=" + Platform.isFxApplicationThread());
      int sum = 0;
      for (int i = 1; i <= 100_000; i++) {
        sum += i % 7;
        ctx.progress(i, 100_000); // a burst: must be coalesced, not 100k runLaters
      }
      return sum;
    });
    task.progressProperty().addListener((o, a, b) ->
        threads.add("progress fx=" + Platform.isFxApplicationThread()));
    task.onSuccess(v -> {
      threads.add("success fx=" + Platform.isFxApplicationThread());
      done.countDown();
    });
    robot.interact(() -> executor.execute(task));
    assertTrue(done.await(10, TimeUnit.SECONDS));
    assertEquals("body fx=false", threads.get(0));
    assertTrue(threads.stream().skip(1).allMatch(t -> t.endsWith("fx=true")), threads.toString());
    long progressEvents = threads.stream().filter(t -> t.startsWith("progress")).count();
    assertTrue(progressEvents < 10_000, "progress reached the FX thread " + progressEvents + " times");
    assertEquals(1.0, task.progressProperty().get());
  }

  @Test
  void visibleTasksListsRunningTasksButNotQuietOnes(FxRobot robot) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    BackgroundTask<Void> loud = BackgroundTask.of("Import", ctx -> {
      release.await(10, TimeUnit.SECONDS);
      return null;
    });
    BackgroundTask<Void> quiet = BackgroundTask.<Void>of("Page", ctx -> {
      release.await(10, TimeUnit.SECONDS);
      return null;
    }).quiet();
    robot.interact(() -> {
      executor.execute(loud);
      executor.execute(quiet);
    });
    assertEquals(List.of(loud), List.copyOf(executor.visibleTasks()));
    release.countDown();
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> executor.visibleTasks().isEmpty());
    assertFalse(loud.runningProperty().get());
  }

  @Test
  void cancelStopsACooperativeBodyAndReportsCancelled(FxRobot robot) throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch cancelled = new CountDownLatch(1);
    AtomicInteger loops = new AtomicInteger();
    BackgroundTask<Void> task = BackgroundTask.<Void>of("Spin", ctx -> {
      started.countDown();
      while (!ctx.isCancelled()) {
        loops.incrementAndGet();
        Thread.onSpinWait();
      }
      return null;
    }).onCancelled(cancelled::countDown);
    robot.interact(() -> executor.execute(task));
    assertTrue(started.await(10, TimeUnit.SECONDS));
    robot.interact(task::cancel);
    assertTrue(cancelled.await(10, TimeUnit.SECONDS));
    assertTrue(loops.get() > 0);
  }

  @Test
  void aRescheduledActionReplacesThePendingOne(FxRobot robot) throws Exception {
    List<String> ran = new CopyOnWriteArrayList<>();
    robot.interact(() -> {
      var first = executor.schedule(Duration.ofMillis(200), () -> ran.add("first"));
      first.cancel(); // the user typed again before the pause ended
      executor.schedule(Duration.ofMillis(50), () -> ran.add("second fx=" + Platform.isFxApplicationThread()));
    });
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !ran.isEmpty());
    Thread.sleep(300);
    assertEquals(List.of("second fx=true"), ran);
  }
}
