package io.maskocr.app.ui.annotate;

import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.store.QueueFilter;
import io.maskocr.engine.store.QueueItem;
import io.maskocr.engine.store.Workspace;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * On a team workspace, the item Annotate shows is first leased to this window, so that two
 * annotators never work on the same item: rows a teammate holds are passed over, and the lease
 * on the item left behind is given back; rows a teammate labelled out of the queue since the page
 * was read are passed over too. A lease from a crashed app lapses after its time
 * ({@code -Dmaskocr.leaseMinutes} or {@code MASKOCR_LEASE_MINUTES}, default 10). Used on the UI
 * thread; the store is asked on the executor.
 */
final class ItemLeases {
  /**
   * Where a claim ended.
   *
   * @param index into the offered rows (-1: all taken or gone)
   * @param item the row as it is now, leased (null with -1)
   * @param passedOver rows a teammate holds or has labelled out of the queue
   */
  record Claim(int index, QueueItem item, int passedOver) {}

  private final TaskExecutor executor;
  private final Consumer<Exception> onError;
  private final String windowId = UUID.randomUUID().toString();
  private final Duration ttl = configuredTtl();
  private Long held;
  private long generation;

  ItemLeases(TaskExecutor executor, Consumer<Exception> onError) {
    this.executor = executor;
    this.onError = onError;
  }

  /**
   * Leases the first of {@code sampleIds} nobody else holds, gives back the one held before,
   * and hands over where it stopped, unless another claim came first.
   *
   * @param annotator recorded as the lease holder with this window's id (two windows are two holders)
   */
  void claim(Workspace ws, QueueFilter filter, String annotator, List<Long> sampleIds, Consumer<Claim> onClaimed) {
    long gen = ++generation;
    String holder = (annotator == null || annotator.isBlank() ? ws.userName() : annotator.strip()) + "/" + windowId;
    Long previous = held;
    executor.execute(BackgroundTask.of("lease item", c -> {
      int at = -1;
      QueueItem item = null;
      for (int i = 0; i < sampleIds.size() && at < 0; i++) {
        var leased = ws.leases().acquireIfQueued(filter, sampleIds.get(i), holder, ttl);
        if (leased.isPresent()) {
          at = i;
          item = leased.get().item();
        }
      }
      if (previous != null && (at < 0 || !previous.equals(sampleIds.get(at)))) {
        ws.leases().release(previous, holder);
      }
      return new Claim(at, item, at < 0 ? sampleIds.size() : at);
    }).quiet().onSuccess(claim -> {
      if (gen == generation) {
        held = claim.index() < 0 ? null : sampleIds.get(claim.index());
        onClaimed.accept(claim);
      }
    }).onFailure(onError::accept));
  }

  /** Forgets the held lease (another workspace or dataset; the old one lapses by itself). */
  void forget() {
    generation++;
    held = null;
  }

  private static Duration configuredTtl() {
    String v = System.getProperty("maskocr.leaseMinutes", System.getenv("MASKOCR_LEASE_MINUTES"));
    try {
      return v == null || v.isBlank() ? io.maskocr.engine.store.QueueLeases.DEFAULT_TTL
          : Duration.ofSeconds(Math.round(Double.parseDouble(v.trim()) * 60));
    } catch (NumberFormatException e) {
      System.err.println("maskocr: ignoring lease time '" + v + "' (minutes expected); using 10");
      return io.maskocr.engine.store.QueueLeases.DEFAULT_TTL;
    }
  }
}
