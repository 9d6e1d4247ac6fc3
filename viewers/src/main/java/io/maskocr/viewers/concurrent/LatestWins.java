package io.maskocr.viewers.concurrent;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Runs slow work (inference) on one background thread, keeping only the newest request: while
 * a job runs, later requests replace each other and only the last one runs next; a result that
 * is no longer the newest is dropped. Results and errors are delivered on the FX thread. Made
 * for sliders, where dozens of values arrive per second but only the latest matters.
 */
public final class LatestWins implements AutoCloseable {
  private final ExecutorService worker;
  private final AtomicLong generation = new AtomicLong();
  private final AtomicReference<Runnable> pending = new AtomicReference<>();

  /** @param threadName name of the worker thread */
  public LatestWins(String threadName) {
    worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, threadName);
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Requests {@code job}; {@code onResult} gets its value on the FX thread unless a newer request
   * was made meanwhile.
   */
  public <T> void submit(Callable<T> job, Consumer<T> onResult, Consumer<Exception> onError) {
    long gen = generation.incrementAndGet();
    Runnable run = () -> {
      if (gen != generation.get()) {
        return;
      }
      try {
        T value = job.call();
        Platform.runLater(() -> {
          if (gen == generation.get()) {
            onResult.accept(value);
          }
        });
      } catch (Exception e) {
        Platform.runLater(() -> {
          if (gen == generation.get()) {
            onError.accept(e);
          }
        });
      }
    };
    if (pending.getAndSet(run) == null) {
      worker.execute(() -> {
        Runnable r = pending.getAndSet(null);
        if (r != null) {
          r.run();
        }
      });
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
