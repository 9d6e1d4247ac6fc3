package io.maskocr.engine.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recognizer outputs per sample and checkpoint, and the annotation queue (lowest confidence
 * first). Obtain via {@link Workspace#predictions()}.
 */
public final class Predictions {
  private final Db db;
  private final QueueQueries queue;

  /** The queue's SQL, shared with {@link QueueLeases}. */
  QueueQueries queries() {
    return queue;
  }

  Predictions(Db db) {
    this.db = db;
    this.queue = new QueueQueries(db);
  }

  /**
   * A page of the filtered annotation queue, lowest confidence first (ties by sample id).
   * Keyset paging: pass the last item of the previous page as {@code after} (null at first).
   */
  public List<QueueItem> queue(QueueFilter filter, QueueItem after, int limit) {
    return queue.page(filter, after, limit);
  }

  /** Counts of the filtered queue and of each label state under its other limits. */
  public QueueCounts queueCounts(QueueFilter filter) {
    return queue.counts(filter);
  }

  /**
   * Samples of a dataset (null split = all) that {@code checkpoint} has not predicted yet, in
   * id order after {@code afterId}: what a resumed prediction job still has to do.
   */
  public List<Sample> unpredicted(long datasetId, Split split, String checkpoint, long afterId, int limit) {
    return queue.unpredicted(datasetId, split, checkpoint, afterId, limit);
  }

  /**
   * Stores predictions in one transaction; an existing prediction of the same sample and
   * checkpoint is replaced. Per-character probabilities are stored as little-endian float32.
   */
  public void insertBatch(List<Prediction> predictions) {
    if (predictions.isEmpty()) {
      return;
    }
    db.write(
        c -> {
          long now = Sql.now();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO predictions(sample_id, dataset_id, checkpoint, text,"
                      + " confidence, char_probs, created)"
                      + " VALUES (?, (SELECT dataset_id FROM samples WHERE id = ?), ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (sample_id, checkpoint) DO UPDATE SET text = excluded.text,"
                      + " confidence = excluded.confidence, char_probs = excluded.char_probs,"
                      + " created = excluded.created")) {
            for (Prediction p : predictions) {
              ps.setLong(1, p.sampleId());
              ps.setLong(2, p.sampleId());
              ps.setString(3, p.checkpoint());
              ps.setString(4, p.text());
              ps.setDouble(5, p.confidence());
              ps.setBytes(6, encode(p.charProbs()));
              ps.setLong(7, now);
              ps.addBatch();
            }
            ps.executeBatch();
          } catch (SQLException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("NOT NULL") || m.contains("null value") || hasState(e, "23502")) {
              throw new StoreException("cannot store predictions: a sample of this batch does not exist", e);
            }
            throw e;
          }
          return null;
        });
  }

  /** The prediction of one checkpoint for one sample, if any. */
  public Optional<Prediction> get(long sampleId, String checkpoint) {
    return db.read(
        c -> Sql.one(c, "SELECT sample_id, checkpoint, text, confidence, char_probs FROM predictions"
            + " WHERE sample_id = ? AND checkpoint = ?", rs -> prediction(rs, 1), sampleId, checkpoint));
  }

  /** Checkpoint keys that have predictions for a dataset, newest prediction first. */
  public List<String> checkpoints(long datasetId) {
    return db.read(
        c -> Sql.list(c, "SELECT checkpoint FROM predictions WHERE dataset_id = ?"
            + " GROUP BY checkpoint ORDER BY max(created) DESC", rs -> rs.getString(1), datasetId));
  }

  /** Number of predictions of a checkpoint for a dataset. */
  public long count(long datasetId, String checkpoint) {
    return db.read(
        c -> Sql.scalar(c, "SELECT count(*) FROM predictions WHERE dataset_id = ? AND checkpoint = ?",
            datasetId, checkpoint));
  }

  /**
   * A page of the annotation queue: predictions of one checkpoint for one dataset, lowest
   * confidence first (ties by sample id). Keyset paging: pass the last item of the previous
   * page as {@code after} (null for the first page); cost does not grow with depth.
   */
  public List<QueueItem> lowestConfidence(long datasetId, String checkpoint, QueueItem after, int limit) {
    if (after == null) {
      return queue(datasetId, checkpoint, "", List.of(), limit, 0);
    }
    return queue(
        datasetId,
        checkpoint,
        " AND (p.confidence, p.sample_id) > (?, ?)",
        List.of(after.prediction().confidence(), after.sample().id()),
        limit,
        0);
  }

  /** Like {@link #lowestConfidence(long, String, QueueItem, int)} with an offset (random access). */
  public List<QueueItem> lowestConfidence(long datasetId, String checkpoint, long offset, int limit) {
    return queue(datasetId, checkpoint, "", List.of(), limit, offset);
  }

  private List<QueueItem> queue(
      long datasetId, String checkpoint, String cursor, List<Object> cursorArgs, int limit, long offset) {
    return db.read(
        c -> {
          // the inner query pages on the covering index alone, so rows skipped by OFFSET cost
          // an index step each, not a table and join lookup
          String sql =
              "SELECT " + Samples.COLUMNS + ", p.sample_id, p.checkpoint, p.text, p.confidence, p.char_probs"
                  + " FROM (SELECT p.id FROM predictions p" + db.dialect().indexedBy("predictions_queue")
                  + "   WHERE p.dataset_id = ? AND p.checkpoint = ?" + cursor
                  + "   ORDER BY p.confidence, p.sample_id LIMIT ? OFFSET ?) page"
                  + " JOIN predictions p ON p.id = page.id"
                  + " JOIN samples s ON s.id = p.sample_id"
                  + " ORDER BY p.confidence, p.sample_id";
          List<Object> args = new ArrayList<>();
          args.add(datasetId);
          args.add(checkpoint);
          args.addAll(cursorArgs);
          args.add(limit);
          args.add(offset);
          return Sql.list(c, sql, rs -> new QueueItem(Samples.row(rs), prediction(rs, 10)), args.toArray());
        });
  }

  /** True when {@code e} or an exception of its batch chain has this SQLSTATE. */
  static boolean hasState(SQLException e, String state) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      if (state.equals(x.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  static Prediction prediction(ResultSet rs, int first) throws SQLException {
    return new Prediction(
        rs.getLong(first),
        rs.getString(first + 1),
        rs.getString(first + 2),
        rs.getDouble(first + 3),
        decode(rs.getBytes(first + 4)));
  }

  static byte[] encode(float[] probs) {
    if (probs == null) {
      return null;
    }
    ByteBuffer b = ByteBuffer.allocate(probs.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(probs);
    return b.array();
  }

  static float[] decode(byte[] bytes) {
    if (bytes == null) {
      return new float[0];
    }
    float[] out = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
    return out;
  }
}
