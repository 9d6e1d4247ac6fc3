package io.maskocr.renderer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Renders many samples on several threads. Results are the same as calling
 * {@link SampleRenderer#render(long)} for each index on one thread; only the order in which
 * {@link #forEach} hands them out varies.
 */
public final class ParallelRenderer implements AutoCloseable {
  private static final int CHUNK = 16;

  /** Receives samples on worker threads; must be thread-safe. */
  @FunctionalInterface
  public interface SampleSink {
    /** Called once per sample; an exception stops the whole run and is rethrown. */
    void accept(RenderedSample sample) throws Exception;
  }

  private final SampleRenderer renderer;
  private final int threads;
  private final ExecutorService pool;

  /** A producer with its own pool of {@code threads} daemon threads (at least 1). */
  public ParallelRenderer(SampleRenderer renderer, int threads) {
    this.renderer = renderer;
    this.threads = Math.max(1, threads);
    this.pool = Executors.newFixedThreadPool(this.threads, r -> {
      Thread t = new Thread(r, "maskocr-render");
      t.setDaemon(true);
      return t;
    });
  }

  /** The renderer every sample comes from. */
  public SampleRenderer renderer() {
    return renderer;
  }

  /** Number of worker threads. */
  public int threads() {
    return threads;
  }

  /** Samples {@code start .. start+n-1}, in index order. */
  public List<RenderedSample> batch(long start, int n) throws InterruptedException {
    RenderedSample[] out = new RenderedSample[n];
    forEach(start, n, s -> out[(int) (s.index() - start)] = s);
    return Arrays.asList(out);
  }

  /**
   * Renders indices {@code start .. start+count-1} and hands each sample to {@code sink} on a
   * worker thread. Returns when all are done; the first exception stops the others and is
   * rethrown (unchecked ones as they are, checked ones wrapped).
   */
  public void forEach(long start, long count, SampleSink sink) throws InterruptedException {
    AtomicLong next = new AtomicLong(start);
    long end = start + count;
    AtomicBoolean failed = new AtomicBoolean();
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      futures.add(pool.submit(() -> {
        while (!failed.get() && !Thread.currentThread().isInterrupted()) {
          long from = next.getAndAdd(CHUNK);
          if (from >= end) {
            return null;
          }
          for (long i = from; i < Math.min(end, from + CHUNK); i++) {
            sink.accept(renderer.render(i));
          }
        }
        return null;
      }));
    }
    Throwable error = null;
    try {
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          failed.set(true);
          if (error == null) {
            error = e.getCause();
          }
        }
      }
    } catch (InterruptedException e) {
      failed.set(true);
      futures.forEach(f -> f.cancel(true));
      throw e;
    }
    if (error instanceof RuntimeException re) {
      throw re;
    }
    if (error instanceof Error err) {
      throw err;
    }
    if (error != null) {
      throw new IllegalStateException(error.getMessage(), error);
    }
  }

  /** Stops the worker threads. */
  @Override
  public void close() {
    pool.shutdownNow();
  }
}
