package io.maskocr.app.ui.task;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;

/**
 * View model of the status bar's task area: follows the most recently started visible task
 * of a {@link TaskExecutor} (title, progress, message) and says how many others run.
 */
public final class TaskStatus {
  private final TaskExecutor executor;
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
  private BackgroundTask<?> current;

  public TaskStatus(TaskExecutor executor) {
    this.executor = executor;
    executor.visibleTasks().addListener((ListChangeListener<BackgroundTask<?>>) c -> follow());
    follow();
  }

  private void follow() {
    var tasks = executor.visibleTasks();
    BackgroundTask<?> latest = tasks.isEmpty() ? null : tasks.get(tasks.size() - 1);
    if (current != null) {
      progress.unbind();
    }
    current = latest;
    busy.set(latest != null);
    if (latest == null) {
      progress.set(0);
      text.unbind();
      text.set("");
      return;
    }
    progress.bind(latest.progressProperty());
    int others = tasks.size() - 1;
    text.bind(latest.messageProperty().map(m -> describe(latest.title(), m, others)));
  }

  static String describe(String title, String message, int others) {
    String base = message == null || message.isBlank() ? title : title + ": " + message;
    return others > 0 ? base + "  (+" + others + " more)" : base;
  }

  /** Cancels the task being shown. */
  public void cancelCurrent() {
    if (current != null) {
      current.cancel();
    }
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  /** Fraction done, or -1 while indeterminate (a ProgressBar shows that as animation). */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }
}
