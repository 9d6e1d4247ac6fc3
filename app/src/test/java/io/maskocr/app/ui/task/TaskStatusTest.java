package io.maskocr.app.ui.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TaskStatusTest {

  @Test
  void followsTheRunningTaskAndIsIdleAfterIt() {
    CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    TaskStatus status = new TaskStatus(executor);
    List<String> seen = new ArrayList<>();
    List<Boolean> busy = new ArrayList<>();
    executor.execute(BackgroundTask.of("Importing words", ctx -> {
      ctx.progress(1, 2);
      ctx.message("1 / 2");
      seen.add(status.textProperty().get());
      busy.add(status.busyProperty().get());
      assertEquals(0.5, status.progressProperty().get());
      return null;
    }));
    assertEquals(List.of("Importing words: 1 / 2"), seen);
    assertEquals(List.of(true), busy);
    assertFalse(status.busyProperty().get());
    assertEquals("", status.textProperty().get());
  }

  @Test
  void quietTasksDoNotShow() {
    CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    TaskStatus status = new TaskStatus(executor);
    boolean[] busyInside = new boolean[1];
    executor.execute(BackgroundTask.of("page", ctx -> {
      busyInside[0] = status.busyProperty().get();
      return null;
    }).quiet());
    assertFalse(busyInside[0]);
  }

  @Test
  void cancelCurrentCancelsTheShownTask() {
    CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
    TaskStatus status = new TaskStatus(executor);
    boolean[] cancelled = new boolean[1];
    executor.execute(BackgroundTask.of("Long", ctx -> {
      status.cancelCurrent();
      return ctx.isCancelled();
    }).onCancelled(() -> cancelled[0] = true));
    assertTrue(cancelled[0]);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "Import | ''     | 0 | Import",
      "Import | 3 / 9  | 0 | Import: 3 / 9",
      "Import | 3 / 9  | 2 | Import: 3 / 9  (+2 more)"})
  void describe(String title, String message, int others, String expected) {
    assertEquals(expected, TaskStatus.describe(title, message, others));
  }
}
