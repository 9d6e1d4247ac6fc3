package io.maskocr.engine.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Label history: every change appends an entry; nothing is overwritten (the database refuses
 * updates of history rows). The current label is the newest entry (view {@code current_labels}).
 * Obtain via {@link Workspace#labels()}.
 */
public final class Labels {
  private static final String COLUMNS = "id, sample_id, text, author, source, time, kind, conflict";
  private static final String INSERT =
      "INSERT INTO label_history(sample_id, text, author, source, time, kind, conflict, based_on)";
  private final Db db;

  Labels(Db db) {
    this.db = db;
  }

  /** Appends one entry and returns it as stored. */
  public LabelEntry append(NewLabel label) {
    return appendBatch(List.of(label)).get(0);
  }

  /** Appends entries in one transaction (all or none), returning them as stored. */
  public List<LabelEntry> appendBatch(List<NewLabel> labels) {
    return db.write(
        c -> {
          List<LabelEntry> out = new ArrayList<>(labels.size());
          long now = Sql.now();
          try (PreparedStatement ps =
              c.prepareStatement(
                  INSERT + " VALUES (?, ?, ?, ?, ?, ?, 0, NULL) RETURNING " + COLUMNS)) {
            for (NewLabel l : labels) {
              requireStorable(l.text());
              Sql.bind(ps, l.sampleId(), l.text(), l.author(), l.source().code(), now, l.kind().code());
              try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                out.add(row(rs));
              }
            }
          } catch (SQLException e) {
            if (isMissingSample(e)) {
              throw new StoreException("cannot label: a sample of this batch does not exist", e);
            }
            throw e;
          }
          return out;
        });
  }

  /**
   * Saves a label unless someone else labelled the sample since its author loaded it
   * (optimistic: nothing is locked while a person types). {@code seenEntryId} is the id of the
   * entry that was current when the item was shown (0 when it had none). When another entry
   * became current since, the new entry is still appended, marked as a conflict, so both stay in
   * the history, but theirs stays the label; the result carries theirs. To save on top of
   * theirs, call again with their entry's id. The save also ends the lease {@code leaseHolder}
   * held on the sample (null: none), in the same transaction.
   */
  public SaveResult save(NewLabel label, long seenEntryId, String leaseHolder) {
    requireStorable(label.text());
    return db.write(
        c -> {
          db.dialect().lockSample(c, label.sampleId());
          Optional<LabelEntry> current = Sql.one(c, "SELECT entry_id AS id, sample_id, text, author, source, time, kind,"
              + " 0 AS conflict FROM current_labels WHERE sample_id = ?", Labels::row, label.sampleId());
          long currentId = current.map(LabelEntry::id).orElse(0L);
          boolean conflict = currentId != seenEntryId;
          LabelEntry mine;
          try {
            mine = Sql.one(c, INSERT + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS, Labels::row,
                label.sampleId(), label.text(), label.author(), label.source().code(), Sql.now(), label.kind().code(),
                conflict ? 1 : 0, seenEntryId == 0 ? null : seenEntryId).orElseThrow();
          } catch (SQLException e) {
            if (isMissingSample(e)) {
              throw new StoreException("cannot label: sample " + label.sampleId() + " does not exist (deleted?)", e);
            }
            throw e;
          }
          if (leaseHolder != null) {
            QueueLeases.release(c, label.sampleId(), leaseHolder);
          }
          return new SaveResult(mine, conflict ? current.orElse(null) : null);
        });
  }

  /** All entries of a sample, oldest first. */
  public List<LabelEntry> history(long sampleId) {
    return db.read(
        c -> Sql.list(c, "SELECT " + COLUMNS + " FROM label_history WHERE sample_id = ? ORDER BY id",
            Labels::row, sampleId));
  }

  /** The newest entry of a sample (its current label), if it was ever labeled. */
  public Optional<LabelEntry> current(long sampleId) {
    return db.read(
        c -> Sql.one(c, "SELECT entry_id AS id, sample_id, text, author, source, time, kind"
            + ", 0 AS conflict FROM current_labels WHERE sample_id = ?", Labels::row, sampleId));
  }

  /**
   * Refuses text no back end can store as written: PostgreSQL text cannot hold NUL (U+0000), so
   * neither back end takes it, and a workspace copies between them unchanged. Every other
   * character (quotes, backslashes, newlines, SQL words) is stored and returned as written.
   */
  static void requireStorable(String text) {
    if (text == null) {
      throw new IllegalArgumentException("a label text must not be null (use \"\")");
    }
    if (text.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a label must not contain the NUL character (U+0000; PostgreSQL text"
          + " cannot hold it): remove it and save again");
    }
  }

  private static boolean isMissingSample(SQLException e) {
    return String.valueOf(e.getMessage()).contains("FOREIGN KEY") || Predictions.hasState(e, "23503");
  }

  private static LabelEntry row(ResultSet rs) throws SQLException {
    return new LabelEntry(
        rs.getLong("id"),
        rs.getLong("sample_id"),
        rs.getString("text"),
        rs.getString("author"),
        LabelSource.fromCode(rs.getString("source")),
        Sql.instant(rs, "time"),
        LabelKind.fromCode(rs.getString("kind")),
        rs.getInt("conflict") != 0);
  }
}
