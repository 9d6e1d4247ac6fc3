package io.maskocr.app.ui.task;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The production executor: a small pool of daemon worker threads, results and progress
 * posted to the JavaFX thread. Progress reports are coalesced latest-wins, so a body that
 * reports per item costs at most one pending {@code runLater} per task.
 */
public final class FxTaskExecutor implements TaskExecutor {
  private final ExecutorService workers;
  private final ScheduledExecutorService timer;
  private final ObservableList<BackgroundTask<?>> visible = FXCollections.observableArrayList();

  /** @param threads worker threads (the UI issues few long tasks and many short reads) */
  public FxTaskExecutor(int threads) {
    this.workers = Executors.newFixedThreadPool(threads, daemon("maskocr-task"));
    this.timer = Executors.newSingleThreadScheduledExecutor(daemon("maskocr-timer"));
  }

  @Override
  public <V> void execute(BackgroundTask<V> task) {
    onUi(() -> {
      task.setRunning(true);
      if (task.showInStatusBar()) {
        visible.add(task);
      }
    });
    Future<?> future =
        workers.submit(() -> {
          CoalescingContext context = new CoalescingContext(task);
          V value = null;
          Exception error = null;
          try {
            if (!task.isCancelRequested()) {
              value = task.body().run(context);
            }
          } catch (Exception e) {
            error = e;
          }
          V result = value;
          Exception failure = error;
          Platform.runLater(() -> {
            context.flush();
            visible.remove(task);
            task.finish(result, failure);
          });
        });
    // Cooperative only: interrupting a thread inside SQLite or NIO would close its channels.
    task.setInterrupter(() -> future.cancel(false));
  }

  @Override
  public Cancellable schedule(Duration delay, Runnable action) {
    ScheduledFuture<?> f =
        timer.schedule(() -> Platform.runLater(action), delay.toMillis(), TimeUnit.MILLISECONDS);
    return () -> f.cancel(false);
  }

  @Override
  public ObservableList<BackgroundTask<?>> visibleTasks() {
    return visible;
  }

  @Override
  public void close() {
    for (BackgroundTask<?> t : visible) {
      t.cancel();
    }
    workers.shutdownNow();
    timer.shutdownNow();
  }

  private static void onUi(Runnable r) {
    if (Platform.isFxApplicationThread()) {
      r.run();
    } else {
      Platform.runLater(r);
    }
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Keeps only the latest progress/message and posts at most one update at a time. */
  private static final class CoalescingContext implements TaskContext {
    private final BackgroundTask<?> task;
    private final AtomicReference<long[]> latestProgress = new AtomicReference<>();
    private final AtomicReference<String> latestMessage = new AtomicReference<>();
    private final AtomicInteger pending = new AtomicInteger();

    CoalescingContext(BackgroundTask<?> task) {
      this.task = task;
    }

    @Override
    public void progress(long done, long total) {
      latestProgress.set(new long[] {done, total});
      post();
    }

    @Override
    public void message(String message) {
      latestMessage.set(message);
      post();
    }

    @Override
    public boolean isCancelled() {
      return task.isCancelRequested() || Thread.currentThread().isInterrupted();
    }

    private void post() {
      if (pending.compareAndSet(0, 1)) {
        Platform.runLater(this::flush);
      }
    }

    /** Applies the latest values; runs on the UI thread. */
    void flush() {
      pending.set(0);
      long[] p = latestProgress.getAndSet(null);
      if (p != null) {
        task.setProgress(p[0], p[1]);
      }
      String m = latestMessage.getAndSet(null);
      if (m != null) {
        task.setMessage(m);
      }
    }
  }
}
