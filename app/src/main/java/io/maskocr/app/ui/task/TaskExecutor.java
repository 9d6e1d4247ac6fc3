package io.maskocr.app.ui.task;

import java.time.Duration;
import javafx.collections.ObservableList;

/**
 * Runs {@link BackgroundTask}s off the UI thread. Injected into view models so that tests can
 * use {@link CurrentThreadTaskExecutor} and run everything synchronously, without a Stage.
 */
public interface TaskExecutor extends AutoCloseable {

  /** Starts the task; its callbacks and property changes arrive on the UI thread. */
  <V> void execute(BackgroundTask<V> task);

  /**
   * Runs {@code action} on the UI thread after {@code delay}; used to debounce typing.
   * Returns a handle that calls it off.
   */
  Cancellable schedule(Duration delay, Runnable action);

  /** Tasks currently running that want to be seen (not {@link BackgroundTask#quiet()}). */
  ObservableList<BackgroundTask<?>> visibleTasks();

  /** Cancels what is running and stops the worker threads. */
  @Override
  void close();
}
