package io.maskocr.app.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackgroundTaskTest {
  private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();

  @Test
  void successDeliversTheValueAndTheLastProgressAndMessage() {
    List<String> events = new ArrayList<>();
    BackgroundTask<Integer> task = BackgroundTask.of("Count", ctx -> {
      for (int i = 1; i <= 4; i++) {
        ctx.progress(i, 4);
        ctx.message("item " + i);
      }
      return 42;
    }).onSuccess(v -> events.add("success " + v))
        .onFailure(e -> events.add("failure"))
        .onFinished(() -> events.add("finished"));

    executor.execute(task);

    assertEquals(List.of("success 42", "finished"), events);
    assertEquals(1.0, task.progressProperty().get());
    assertEquals("item 4", task.messageProperty().get());
    assertFalse(task.runningProperty().get());
  }

  @Test
  void anExceptionReachesOnFailureNotOnSuccess() {
    List<String> events = new ArrayList<>();
    executor.execute(BackgroundTask.of("Broken", ctx -> {
      throw new IllegalStateException("disk full");
    }).onSuccess(v -> events.add("success")).onFailure(e -> events.add(e.getMessage())));
    assertEquals(List.of("disk full"), events);
  }

  @Test
  void cancellingFromInsideTheBodyIsSeenAndReportedAsCancelled() {
    List<String> events = new ArrayList<>();
    BackgroundTask<Integer>[] self = new BackgroundTask[1];
    self[0] = BackgroundTask.of("Long", ctx -> {
      int done = 0;
      for (int i = 0; i < 1000 && !ctx.isCancelled(); i++) {
        done++;
        if (i == 9) {
          self[0].cancel(); // as if the user pressed Cancel during the 10th item
        }
      }
      return done;
    }).onSuccess(v -> events.add("success")).onCancelled(() -> events.add("cancelled"));
    executor.execute(self[0]);
    assertEquals(List.of("cancelled"), events);
    assertTrue(self[0].isCancelRequested());
  }

  @Test
  void unknownTotalMeansIndeterminateProgress() {
    BackgroundTask<Void> task = BackgroundTask.of("Scan", ctx -> {
      ctx.progress(5, -1);
      return null;
    });
    executor.execute(task);
    assertEquals(-1.0, task.progressProperty().get());
  }
}
