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
  private static final String COLUMNS = "id, sample_id, text, author, source, time, kind";
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
                  "INSERT INTO label_history(sample_id, text, author, source, time, kind)"
                      + " VALUES (?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS)) {
            for (NewLabel l : labels) {
              if (l.text() == null) {
                throw new IllegalArgumentException("a label text must not be null (use \"\")");
              }
              Sql.bind(ps, l.sampleId(), l.text(), l.author(), l.source().code(), now, l.kind().code());
              try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                out.add(row(rs));
              }
            }
          } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("FOREIGN KEY")) {
              throw new StoreException("cannot label: a sample of this batch does not exist", e);
            }
            throw e;
          }
          return out;
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
            + " FROM current_labels WHERE sample_id = ?", Labels::row, sampleId));
  }

  private static LabelEntry row(ResultSet rs) throws SQLException {
    return new LabelEntry(
        rs.getLong("id"),
        rs.getLong("sample_id"),
        rs.getString("text"),
        rs.getString("author"),
        LabelSource.fromCode(rs.getString("source")),
        Sql.instant(rs, "time"),
        LabelKind.fromCode(rs.getString("kind")));
  }
}
