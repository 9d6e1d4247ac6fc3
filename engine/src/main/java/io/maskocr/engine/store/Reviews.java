package io.maskocr.engine.store;

import java.util.List;

/**
 * Reviews on a team: items labelled by one person, checked by another. A review is an ordinary
 * label entry by someone other than the label's author: keeping the label appends the same text
 * (so the history shows who checked it), changing it appends the new text. Agreement per
 * annotator is read from the history alone. Obtain via {@link Workspace#reviews()}.
 */
public final class Reviews {
  /** Entries in history order with the entry before them (conflict entries never count). */
  private static final String PAIRS =
      "SELECT h.sample_id, h.author, h.text, h.kind, h.source,"
          + " LAG(h.author) OVER (PARTITION BY h.sample_id ORDER BY h.id) AS prev_author,"
          + " LAG(h.text) OVER (PARTITION BY h.sample_id ORDER BY h.id) AS prev_text,"
          + " LAG(h.kind) OVER (PARTITION BY h.sample_id ORDER BY h.id) AS prev_kind,"
          + " LAG(h.source) OVER (PARTITION BY h.sample_id ORDER BY h.id) AS prev_source"
          + " FROM label_history h JOIN samples s ON s.id = h.sample_id"
          + " WHERE s.dataset_id = ? AND h.conflict = 0";

  private final Db db;

  Reviews(Db db) {
    this.db = db;
  }

  /**
   * Per annotator of a dataset: how many of their labels another person reviewed, and how many
   * the reviewer kept. Ordered by author.
   */
  public List<Agreement> agreement(long datasetId) {
    return db.read(c -> Sql.list(c, "SELECT prev_author, count(*),"
        + " count(*) FILTER (WHERE text = prev_text AND kind = prev_kind)"
        + " FROM (" + PAIRS + ") p WHERE source = 'human' AND prev_source = 'human' AND author <> prev_author"
        + " GROUP BY prev_author ORDER BY prev_author",
        rs -> new Agreement(rs.getString(1), rs.getLong(2), rs.getLong(3)), datasetId));
  }

  /**
   * Samples of a dataset awaiting review by {@code reviewer}, in id order after {@code afterId}:
   * the current label is a person's, not the reviewer's, and is not itself a review.
   */
  public List<Sample> queue(long datasetId, String reviewer, long afterId, int limit) {
    return db.read(c -> Sql.list(c, "SELECT " + Samples.COLUMNS + " FROM samples s"
        + " JOIN current_labels cur ON cur.sample_id = s.id"
        + " WHERE s.dataset_id = ? AND s.id > ? AND cur.source = 'human' AND cur.author <> ?"
        + " AND NOT EXISTS (SELECT 1 FROM label_history prev WHERE prev.sample_id = s.id AND prev.conflict = 0"
        + "   AND prev.id = (SELECT max(x.id) FROM label_history x WHERE x.sample_id = s.id AND x.conflict = 0"
        + "     AND x.id < cur.entry_id)"
        + "   AND prev.source = 'human' AND prev.author <> cur.author)"
        + " ORDER BY s.id LIMIT ?", Samples::row, datasetId, afterId, reviewer, limit));
  }
}
