package io.maskocr.engine.data;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Prepares the next few batches of a {@link BatchSampler} on one background thread, in step
 * order, while the caller consumes the current one. Safe because a batch is a pure function of
 * its step: a batch computed early is the batch computed on time, so a resume or a jump only
 * throws away what was read ahead and starts again from the step asked for. Every batch is
 * computed on that one thread, so the sources are never read concurrently.
 *
 * <p>The thread runs only while there is work and ends after two idle seconds, so a stage that
 * finishes (or a sampler that is dropped) leaves nothing to close. On a two-core laptop it uses
 * the core the trainer's native threads leave idle between steps.
 */
final class BatchReadAhead {
  /** Computes one batch; must be thread-safe. */
  @FunctionalInterface
  interface Batches {
    List<Sample> compute(long step, int batchSize);
  }

  private final Batches batches;
  private final int depth;
  private final ThreadPoolExecutor worker;
  private final Map<Long, Future<List<Sample>>> pending = new HashMap<>();
  private int pendingBatchSize = -1;

  /**
   * @param batches what to compute
   * @param depth batches kept in flight ahead of the one asked for (>= 1)
   */
  BatchReadAhead(Batches batches, int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("read-ahead depth must be >= 1, got " + depth);
    }
    this.batches = batches;
    this.depth = depth;
    this.worker = new ThreadPoolExecutor(0, 1, 2, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
      Thread t = new Thread(r, "maskocr-read-ahead");
      t.setDaemon(true); // never keeps the JVM alive; a half-read batch is worthless at exit
      return t;
    });
  }

  /** The batch of {@code step}: read ahead when it was asked for in order, else computed now. */
  synchronized List<Sample> batch(long step, int batchSize) {
    if (batchSize != pendingBatchSize) {
      dropWhere(s -> true);
      pendingBatchSize = batchSize;
    }
    Future<List<Sample>> ready = pending.remove(step);
    dropWhere(s -> s < step || s > step + depth); // a resume or jump: those are not coming
    if (ready == null) {
      // computed by the worker too, never here: sources are then read by one thread at a
      // time, as they were before reading ahead (a renderer mixed in may not be thread-safe)
      ready = worker.submit(() -> batches.compute(step, batchSize));
    }
    for (long s = step + 1; s <= step + depth; s++) {
      long next = s;
      pending.computeIfAbsent(next, k -> worker.submit(() -> batches.compute(next, batchSize)));
    }
    return await(ready, step);
  }

  /** Batches computed or in flight beyond the last one asked for (for tests). */
  synchronized int pendingCount() {
    return pending.size();
  }

  private void dropWhere(java.util.function.LongPredicate stale) {
    pending.entrySet().removeIf(e -> {
      if (stale.test(e.getKey())) {
        e.getValue().cancel(false); // one already running finishes; its result is dropped
        return true;
      }
      return false;
    });
  }

  private static List<Sample> await(Future<List<Sample>> f, long step) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      // the caller gets the error it would have got computing the batch itself
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("reading batch " + step + " failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the trainer is stopping
      throw new CancellationException("interrupted while waiting for batch " + step);
    }
  }
}
