package io.maskocr.app.ui.task;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A unit of work that must not run on the UI thread (disk, database, decoding), described
 * independently of how it is run. A {@link TaskExecutor} runs it; its progress, message and
 * running state are JavaFX properties that are only ever changed on the UI thread (or on the
 * test thread with {@link CurrentThreadTaskExecutor}), so views can bind to them directly.
 *
 * <p>The callbacks ({@code onSuccess}, {@code onFailure}, {@code onCancelled},
 * {@code onFinished}) run on the UI thread after the body returns.
 *
 * @param <V> the result of the body
 */
public final class BackgroundTask<V> {

  /** The body of a task: runs off the UI thread and reports through the context. */
  @FunctionalInterface
  public interface Body<V> {
    V run(TaskContext context) throws Exception;
  }

  private final String title;
  private final Body<V> body;
  private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", -1);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private volatile boolean cancelRequested;
  private volatile Runnable interrupter = () -> {};
  private boolean showInStatusBar = true;
  private Consumer<? super V> onSuccess = v -> {};
  private Consumer<? super Exception> onFailure = e -> {};
  private Runnable onCancelled = () -> {};
  private Runnable onFinished = () -> {};

  private BackgroundTask(String title, Body<V> body) {
    this.title = Objects.requireNonNull(title, "title");
    this.body = Objects.requireNonNull(body, "body");
  }

  /** A task with a user-facing title (shown in the status bar while it runs). */
  public static <V> BackgroundTask<V> of(String title, Body<V> body) {
    return new BackgroundTask<>(title, body);
  }

  public BackgroundTask<V> onSuccess(Consumer<? super V> callback) {
    this.onSuccess = Objects.requireNonNull(callback);
    return this;
  }

  public BackgroundTask<V> onFailure(Consumer<? super Exception> callback) {
    this.onFailure = Objects.requireNonNull(callback);
    return this;
  }

  public BackgroundTask<V> onCancelled(Runnable callback) {
    this.onCancelled = Objects.requireNonNull(callback);
    return this;
  }

  /** Runs after success, failure or cancellation. */
  public BackgroundTask<V> onFinished(Runnable callback) {
    this.onFinished = Objects.requireNonNull(callback);
    return this;
  }

  /** Quiet tasks (page loads, thumbnails) do not appear in the status bar. */
  public BackgroundTask<V> quiet() {
    this.showInStatusBar = false;
    return this;
  }

  public String title() {
    return title;
  }

  public boolean showInStatusBar() {
    return showInStatusBar;
  }

  /** Fraction done in [0, 1], or -1 while indeterminate. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** Asks the body to stop; it sees {@link TaskContext#isCancelled()} become true. */
  public void cancel() {
    cancelRequested = true;
    interrupter.run();
  }

  public boolean isCancelRequested() {
    return cancelRequested;
  }

  // ---- used by executors -------------------------------------------------------------

  Body<V> body() {
    return body;
  }

  /** Lets an executor interrupt a blocked body (e.g. a thread waiting on I/O). */
  void setInterrupter(Runnable interrupter) {
    this.interrupter = interrupter;
  }

  void setRunning(boolean value) {
    running.set(value);
  }

  void setProgress(long done, long total) {
    progress.set(total <= 0 ? -1 : Math.min(1.0, Math.max(0.0, (double) done / total)));
  }

  void setMessage(String text) {
    message.set(text == null ? "" : text);
  }

  /** Delivers the outcome on the UI thread: exactly one of success, cancelled or failure. */
  void finish(V value, Exception error) {
    running.set(false);
    try {
      if (cancelRequested) {
        onCancelled.run();
      } else if (error != null) {
        onFailure.accept(error);
      } else {
        onSuccess.accept(value);
      }
    } finally {
      onFinished.run();
    }
  }
}
