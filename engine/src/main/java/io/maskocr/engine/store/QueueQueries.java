package io.maskocr.engine.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL of the filtered annotation queue. Rows come from the {@code predictions_queue} index in
 * confidence order and are filtered through the sample row as they are read, so a page stops
 * early instead of sorting the table; counts scan one dataset-checkpoint range of that index.
 */
final class QueueQueries {
  /** A person's label or illegible mark is current (an undone first label is not a review). */
  private static final String REVIEWED =
      "(s.label_source = 'human' AND (s.label IS NOT NULL OR s.illegible = 1))";

  /**
   * The current label is a person's other than the reviewer (bound), and the entry before it is
   * not another person's (then it would itself be a review): as {@link Reviews#queue}.
   */
  private static final String TO_REVIEW =
      "EXISTS (SELECT 1 FROM current_labels cur WHERE cur.sample_id = s.id AND cur.source = 'human' AND cur.author <> ?"
          + " AND NOT EXISTS (SELECT 1 FROM label_history prev WHERE prev.sample_id = s.id AND prev.conflict = 0"
          + "   AND prev.id = (SELECT max(x.id) FROM label_history x WHERE x.sample_id = s.id AND x.conflict = 0"
          + "     AND x.id < cur.entry_id)"
          + "   AND prev.source = 'human' AND prev.author <> cur.author))";

  private final Db db;

  QueueQueries(Db db) {
    this.db = db;
  }

  List<QueueItem> page(QueueFilter f, QueueItem after, int limit) {
    return page(f, after, limit, null);
  }

  /**
   * A page of the filtered queue; with {@code holder} set, items under someone else's live lease
   * are left out.
   */
  List<QueueItem> page(QueueFilter f, QueueItem after, int limit, String holder) {
    if (limit < 1 || limit > 10_000) {
      throw new IllegalArgumentException("page limit must be 1..10000, was " + limit);
    }
    return db.read(c -> page(c, f, after, limit, holder));
  }

  /** {@link #page(QueueFilter, QueueItem, int, String)} on a given connection. */
  List<QueueItem> page(java.sql.Connection c, QueueFilter f, QueueItem after, int limit, String holder)
      throws java.sql.SQLException {
    List<Object> args = new ArrayList<>();
    String sql = pageSql(f, after, limit, holder, args);
    return Sql.list(c, sql, rs -> new QueueItem(Samples.row(rs), Predictions.prediction(rs, 10)), args.toArray());
  }

  /**
   * The first of the next {@code window} items of the filtered queue that no other transaction
   * is leasing or saving at this moment, locked for this transaction ({@link
   * Dialect#tryLockSample}): sessions racing for the head of the queue spread over it instead of
   * waiting for each other. Empty when all of them are busy or the queue is done.
   */
  java.util.Optional<QueueItem> lockNext(java.sql.Connection c, QueueFilter f, QueueItem after, int window,
      String holder) throws java.sql.SQLException {
    List<Object> args = new ArrayList<>();
    // OFFSET 0 keeps the planner from pushing the lock into the scan below the filters, where it
    // would lock every row it passes
    String sql = "SELECT * FROM (" + pageSql(f, after, window, holder, args) + " OFFSET 0) c WHERE "
        + db.dialect().tryLockSample("c.sample_id") + " LIMIT 1";
    return Sql.one(c, sql, rs -> new QueueItem(Samples.row(rs), Predictions.prediction(rs, 10)), args.toArray());
  }

  private String pageSql(QueueFilter f, QueueItem after, int limit, String holder, List<Object> args) {
    StringBuilder where = new StringBuilder(base(f, args));
    where.append(labelCondition(f));
    if (after != null) {
      where.append(" AND (p.confidence, p.sample_id) > (?, ?)");
      args.add(after.prediction().confidence());
      args.add(after.sample().id());
    }
    if (holder != null) {
      where.append(" AND NOT EXISTS (SELECT 1 FROM queue_leases l WHERE l.sample_id = p.sample_id AND l.expires > ")
          .append(db.dialect().nowMillis()).append(" AND l.holder <> ?)");
      args.add(holder);
    }
    args.add(limit);
    return "SELECT " + Samples.COLUMNS + ", p.sample_id, p.checkpoint, p.text, p.confidence, p.char_probs"
        + " FROM predictions p" + queueIndex() + " JOIN samples s ON s.id = p.sample_id"
        + " WHERE " + where + " ORDER BY p.confidence, p.sample_id LIMIT ?";
  }

  /** The item if still queued, with its current label entry's id, in one query. */
  java.util.Optional<LeasedItem> leasedItem(java.sql.Connection c, QueueFilter f, long sampleId)
      throws java.sql.SQLException {
    List<Object> args = new ArrayList<>();
    String where = base(f, args) + labelCondition(f) + " AND p.sample_id = ?";
    args.add(sampleId);
    return Sql.one(c, "SELECT " + Samples.COLUMNS + ", p.sample_id, p.checkpoint, p.text, p.confidence,"
        + " p.char_probs, (SELECT max(h.id) FROM label_history h WHERE h.sample_id = s.id AND h.conflict = 0)"
        + " FROM predictions p JOIN samples s ON s.id = p.sample_id WHERE " + where,
        rs -> new LeasedItem(new QueueItem(Samples.row(rs), Predictions.prediction(rs, 10)), rs.getLong(15)),
        args.toArray());
  }

  QueueCounts counts(QueueFilter f) {
    return db.read(
        c -> {
          List<Object> args = new ArrayList<>();
          String where = base(f, args);
          String labelled = "s.label IS NOT NULL";
          String sql =
              "SELECT count(*) FILTER (WHERE 1 = 1" + labelCondition(f) + "), count(*),"
                  + " count(*) FILTER (WHERE " + labelled + "),"
                  + " count(*) FILTER (WHERE s.label IS NULL AND s.illegible = 0),"
                  + " count(*) FILTER (WHERE coalesce(" + REVIEWED + ", false)),"
                  + " count(*) FILTER (WHERE s.illegible = 1),"
                  + " count(*) FILTER (WHERE " + labelled + " AND " + differs(f) + ")"
                  + " FROM predictions p" + queueIndex() + " JOIN samples s ON s.id = p.sample_id"
                  + " WHERE " + where;
          try (PreparedStatement ps = Sql.bind(c.prepareStatement(sql), args.toArray());
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new QueueCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6), rs.getLong(7));
          }
        });
  }

  /** Samples of a dataset (and split) without a prediction of {@code checkpoint}, in id order. */
  List<Sample> unpredicted(long datasetId, Split split, String checkpoint, long afterId, int limit) {
    return db.read(
        c -> {
          List<Object> args = new ArrayList<>(List.of(datasetId));
          String sql = "SELECT " + Samples.COLUMNS + " FROM samples s WHERE s.dataset_id = ?";
          if (split != null) {
            sql += " AND s.split = ?";
            args.add(split.code());
          }
          sql += " AND s.id > ? AND NOT EXISTS (SELECT 1 FROM predictions p"
              + " WHERE p.sample_id = s.id AND p.checkpoint = ?) ORDER BY s.id LIMIT ?";
          args.add(afterId);
          args.add(checkpoint);
          args.add(limit);
          List<Sample> out = new ArrayList<>();
          try (PreparedStatement ps = Sql.bind(c.prepareStatement(sql), args.toArray());
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.add(Samples.row(rs));
            }
          }
          return out;
        });
  }

  private static String base(QueueFilter f, List<Object> args) {
    StringBuilder w = new StringBuilder("p.dataset_id = ? AND p.checkpoint = ?");
    args.add(f.datasetId());
    args.add(f.checkpoint());
    if (f.minConfidence() > 0) {
      w.append(" AND p.confidence >= ?");
      args.add(f.minConfidence());
    }
    if (f.maxConfidence() < 1) {
      w.append(" AND p.confidence <= ?");
      args.add(f.maxConfidence());
    }
    if (f.split() != null) {
      w.append(" AND s.split = ?");
      args.add(f.split().code());
    }
    if (f.minLength() > 0) {
      w.append(" AND length(p.text) >= ?");
      args.add(f.minLength());
    }
    if (f.maxLength() < Integer.MAX_VALUE) {
      w.append(" AND length(p.text) <= ?");
      args.add(f.maxLength());
    }
    if (f.reviewer() != null) {
      w.append(" AND ").append(TO_REVIEW);
      args.add(f.reviewer());
    }
    return w.toString();
  }

  /** Conditions without parameters, so they can also sit inside a CASE of the counts. */
  private String queueIndex() {
    return db.dialect().indexedBy("predictions_queue");
  }

  private String labelCondition(QueueFilter f) {
    String state =
        switch (f.labelState()) {
          case ANY -> "";
          case LABELLED -> " AND s.label IS NOT NULL";
          case UNLABELLED -> " AND s.label IS NULL AND s.illegible = 0";
          case REVIEWED -> " AND " + REVIEWED;
          case UNREVIEWED -> " AND NOT coalesce(" + REVIEWED + ", false)";
          case ILLEGIBLE -> " AND s.illegible = 1";
        };
    return state + (f.disagreesOnly() ? " AND s.label IS NOT NULL AND " + differs(f) : "");
  }

  /** Characters labels often hold and many charsets cannot output: dropped in SQL before the function. */
  private static final String SEPARATORS = " .,'-:;!?\"/()&_";

  /**
   * The label differs from the prediction under the filter's comparison. A cheap SQL test runs
   * first: texts that are equal once the common separators the charset lacks are dropped (and
   * ASCII case, for a folding charset) always agree, so the Java function only sees rows that
   * still look different (a JNI call per row costs). The charset goes in as a literal because
   * this condition also sits in the SELECT list of the counts, before the bound WHERE values.
   */
  private String differs(QueueFilter f) {
    LabelComparison c = f.comparison();
    if (c.exact()) {
      return "p.text <> s.label";
    }
    String label = "s.label";
    for (char ch : SEPARATORS.toCharArray()) {
      if (c.symbols().indexOf(ch) < 0) {
        label = "replace(" + label + ", " + Sql.literal(String.valueOf(ch)) + ", '')";
      }
    }
    String cheap = c.caseFolding() ? "lower(p.text) <> lower(" + label + ")" : "p.text <> " + label;
    return "(" + cheap + " AND " + db.dialect().readableLabel("s.label", c) + " <> p.text)";
  }
}
