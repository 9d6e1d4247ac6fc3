package io.maskocr.engine.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Leases on queue items, so that annotators sharing a queue never work on the same item: the
 * next item is leased to one holder until it expires (default 10 minutes). A save or a skip ends
 * the lease; a crashed app's lease simply lapses and its item comes back. Expiry uses the
 * database's clock, so teammates' clocks need not agree. Obtain via {@link Workspace#leases()}.
 *
 * <p>A holder is one annotating session (an app window, a CLI run), not a person: two windows of
 * the same person must not get the same item either.
 */
public final class QueueLeases {
  /** How long an item stays leased when the holder neither saves nor skips it. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(10);

  /** Candidates read per query: a few, since others may lease them between read and lease. */
  private static final int BATCH = 8;

  /**
   * How often a session looks for lapsed leases. Lapses are rare (a crash, a forgotten window),
   * so the query need not run before every item; an item comes back at most this much later.
   */
  static final long EXPIRED_CHECK_MS = 500;

  private final Db db;
  private final QueueQueries queue;
  private volatile long lastExpiredCheck = Long.MIN_VALUE / 2;

  QueueLeases(Db db, QueueQueries queue) {
    this.db = db;
    this.queue = queue;
  }

  /**
   * Leases the next item of the filtered queue to {@code holder}: first an item whose lease by
   * someone else has expired (it is still to do), else the first item after {@code after} (null:
   * from the start) that nobody else holds. Empty when nothing is left.
   */
  public Optional<LeasedItem> next(QueueFilter filter, String holder, QueueItem after, Duration ttl) {
    long now = System.nanoTime() / 1_000_000;
    if (now - lastExpiredCheck >= EXPIRED_CHECK_MS) {
      lastExpiredCheck = now;
      for (long sampleId : expired(holder)) {
        Optional<LeasedItem> item = leaseIfQueued(filter, sampleId, holder, ttl);
        if (item.isPresent()) {
          return item;
        }
      }
    }
    // one transaction: find an item nobody else is taking right now, lease it, read it again
    return db.write(c -> {
      QueueItem cursor = after;
      while (true) {
        Optional<QueueItem> candidate = queue.lockNext(c, filter, cursor, BATCH, holder);
        if (candidate.isEmpty()) {
          List<QueueItem> ahead = queue.page(c, filter, cursor, BATCH, holder);
          if (ahead.isEmpty()) {
            return Optional.<LeasedItem>empty();
          }
          cursor = ahead.get(ahead.size() - 1); // teammates are taking all of these: look further on
          continue;
        }
        long sampleId = candidate.get().sample().id();
        if (acquire(c, sampleId, holder, ttl)) {
          Optional<LeasedItem> item = queue.leasedItem(c, filter, sampleId);
          if (item.isPresent()) {
            return item;
          }
          release(c, sampleId, holder); // a teammate's save took it out of the queue meanwhile
        }
        cursor = candidate.get();
      }
    });
  }

  /** Takes or renews the lease on one sample; false when someone else holds it. */
  public boolean acquire(long sampleId, String holder, Duration ttl) {
    return db.write(c -> acquire(c, sampleId, holder, ttl));
  }

  /**
   * Leases one sample if it is still in the filtered queue (a window's page may be older than a
   * teammate's save); empty when someone else holds it or it left the queue.
   */
  public Optional<LeasedItem> acquireIfQueued(QueueFilter filter, long sampleId, String holder, Duration ttl) {
    return leaseIfQueued(filter, sampleId, holder, ttl);
  }

  /**
   * Leases the item and reads it again in the same transaction: the page it came from may be
   * older than a teammate's save, which ends their lease and takes the item out of the queue.
   * A taken lease on an item no longer queued is given up at once.
   */
  private Optional<LeasedItem> leaseIfQueued(QueueFilter filter, long sampleId, String holder, Duration ttl) {
    return db.write(c -> {
      if (!acquire(c, sampleId, holder, ttl)) {
        return Optional.<LeasedItem>empty();
      }
      Optional<LeasedItem> item = queue.leasedItem(c, filter, sampleId);
      if (item.isEmpty()) {
        release(c, sampleId, holder);
      }
      return item;
    });
  }

  private boolean acquire(Connection c, long sampleId, String holder, Duration ttl) throws SQLException {
    String now = db.dialect().nowMillis();
    // one statement: the unique key makes two racing holders queue on the row, and only one
    // of them finds the old lease expired
    return Sql.one(c,
        "INSERT INTO queue_leases(sample_id, holder, expires) VALUES (?, ?, " + now + " + ?)"
            + " ON CONFLICT (sample_id) DO UPDATE SET holder = excluded.holder, expires = excluded.expires"
            + " WHERE queue_leases.expires <= " + now + " OR queue_leases.holder = excluded.holder"
            + " RETURNING sample_id", rs -> rs.getLong(1), sampleId, holder, ttl.toMillis()).isPresent();
  }

  /** Ends {@code holder}'s lease on a sample (a skip); the item is not handed out again on this pass. */
  public void release(long sampleId, String holder) {
    db.write(c -> release(c, sampleId, holder));
  }

  /** The session holding a live lease on the sample, if any. */
  public Optional<String> holder(long sampleId) {
    return db.read(c -> Sql.one(c, "SELECT holder FROM queue_leases WHERE sample_id = ? AND expires > "
        + db.dialect().nowMillis(), rs -> rs.getString(1), sampleId));
  }

  /**
   * Marks the lease ended rather than deleting its row: an annotator's database role needs no
   * DELETE right.
   */
  static Void release(Connection c, long sampleId, String holder) throws SQLException {
    Sql.update(c, "UPDATE queue_leases SET expires = 0 WHERE sample_id = ? AND holder = ?", sampleId, holder);
    return null;
  }

  private List<Long> expired(String holder) {
    String now = db.dialect().nowMillis();
    return db.read(c -> Sql.list(c, "SELECT sample_id FROM queue_leases WHERE expires > 0 AND expires <= " + now
        + " AND holder <> ? ORDER BY expires LIMIT ?", rs -> rs.getLong(1), holder, BATCH));
  }
}
