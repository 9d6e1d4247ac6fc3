package io.maskocr.app.ui.task;

import java.time.Duration;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Runs every task and scheduled action immediately on the calling thread. For view-model
 * tests: no FX toolkit, no waiting, deterministic order. Debounced actions run at once.
 */
public final class CurrentThreadTaskExecutor implements TaskExecutor {
  private final ObservableList<BackgroundTask<?>> visible = FXCollections.observableArrayList();
  private int executed;

  @Override
  public <V> void execute(BackgroundTask<V> task) {
    executed++;
    if (task.showInStatusBar()) {
      visible.add(task);
    }
    task.setRunning(true);
    V value = null;
    Exception error = null;
    try {
      value = task.body().run(new DirectContext(task));
    } catch (Exception e) {
      error = e;
    }
    visible.remove(task);
    task.finish(value, error);
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable action) {
    action.run();
    return Cancellable.NONE;
  }

  @Override
  public ObservableList<BackgroundTask<?>> visibleTasks() {
    return visible;
  }

  /** How many tasks were run; lets tests check that work was (or was not) started. */
  public int executedCount() {
    return executed;
  }

  @Override
  public void close() {}

  private record DirectContext(BackgroundTask<?> task) implements TaskContext {
    @Override
    public void progress(long done, long total) {
      task.setProgress(done, total);
    }

    @Override
    public void message(String message) {
      task.setMessage(message);
    }

    @Override
    public boolean isCancelled() {
      return task.isCancelRequested();
    }
  }
}
