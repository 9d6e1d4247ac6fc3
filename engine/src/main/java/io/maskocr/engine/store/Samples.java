package io.maskocr.engine.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Samples of the workspace's datasets. Obtain via {@link Workspace#samples()}. */
public final class Samples {
  static final String COLUMNS =
      "s.id, s.dataset_id, s.sha256, s.format, s.width, s.height, s.original_name, s.split, s.label";

  private final Db db;

  Samples(Db db) {
    this.db = db;
  }

  /**
   * Inserts a batch in one transaction, with an {@code import} label entry for each sample that
   * has a label. An image already in the dataset (same SHA-256) counts as a duplicate and is
   * skipped. Either the whole batch is stored or nothing.
   *
   * @param datasetId target dataset
   * @param batch samples whose images are already in {@link ImageStore}
   * @param author recorded as the label author (e.g. the import source)
   */
  public AddResult addBatch(long datasetId, List<NewSample> batch, String author) {
    if (batch.isEmpty()) {
      return new AddResult(0, 0);
    }
    return db.write(
        c -> {
          long now = Sql.now();
          String insertSample =
              "INSERT INTO samples(dataset_id, sha256, format, width, height,"
                  + " original_name, split, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                  // only the same image in the same dataset is skipped; any other error aborts
                  + " ON CONFLICT(dataset_id, sha256) DO NOTHING";
          String insertLabel =
              "INSERT INTO label_history(sample_id, text, author, source, time)"
                  + " VALUES ((SELECT id FROM samples WHERE dataset_id = ? AND sha256 = ?), ?, ?, 'import', ?)";
          int[] counts;
          try (PreparedStatement ps = c.prepareStatement(insertSample)) {
            for (NewSample s : batch) {
              ps.setLong(1, datasetId);
              ps.setString(2, s.sha256());
              ps.setString(3, s.format());
              ps.setInt(4, s.width());
              ps.setInt(5, s.height());
              ps.setString(6, s.originalName());
              ps.setString(7, (s.split() == null ? Split.TRAIN : s.split()).code());
              ps.setLong(8, now);
              ps.addBatch();
            }
            counts = ps.executeBatch();
          }
          int inserted = 0;
          try (PreparedStatement pl = c.prepareStatement(insertLabel)) {
            for (int i = 0; i < counts.length; i++) {
              if (counts[i] <= 0) {
                continue; // same image already in this dataset: keep its label history as is
              }
              inserted++;
              NewSample s = batch.get(i);
              if (s.label() != null) {
                Labels.requireStorable(s.label());
                pl.setLong(1, datasetId);
                pl.setString(2, s.sha256());
                pl.setString(3, s.label());
                pl.setString(4, author);
                pl.setLong(5, now);
                pl.addBatch();
              }
            }
            pl.executeBatch();
          }
          return new AddResult(inserted, batch.size() - inserted);
        });
  }

  /** One sample with its current label. */
  public Optional<Sample> get(long id) {
    return db.read(c -> Sql.one(c, "SELECT " + COLUMNS + " FROM samples s WHERE s.id = ?", Samples::row, id));
  }

  /** True when the dataset already holds an image with this SHA-256. */
  public boolean contains(long datasetId, String sha256) {
    return db.read(
        c -> Sql.scalar(c, "SELECT count(*) FROM samples WHERE dataset_id = ? AND sha256 = ?", datasetId, sha256) > 0);
  }

  /** A page of samples in id order, filtered as the query says. Uses an index at any size. */
  public List<Sample> page(SampleQuery q) {
    return db.read(
        c -> {
          List<Object> args = new ArrayList<>();
          String where = where(q, args, true);
          String sql =
              "SELECT " + COLUMNS + " FROM samples s WHERE " + where
                  + " ORDER BY s.id LIMIT ? OFFSET ?";
          args.add(q.limit());
          args.add(q.offset());
          return Sql.list(c, sql, Samples::row, args.toArray());
        });
  }

  /** How many samples match the query's dataset, label search and split (paging ignored). */
  public long count(SampleQuery q) {
    return db.read(
        c -> {
          List<Object> args = new ArrayList<>();
          return Sql.scalar(c, "SELECT count(*) FROM samples s WHERE " + where(q, args, false), args.toArray());
        });
  }

  /**
   * Assigns a split to the given samples in one transaction.
   *
   * @return how many samples were changed
   */
  public int setSplit(Collection<Long> sampleIds, Split split) {
    return db.write(
        c -> {
          int changed = 0;
          try (PreparedStatement ps =
              c.prepareStatement("UPDATE samples SET split = ? WHERE id = ? AND split <> ?")) {
            for (long id : sampleIds) {
              ps.setString(1, split.code());
              ps.setLong(2, id);
              ps.setString(3, split.code());
              changed += ps.executeUpdate();
            }
          }
          return changed;
        });
  }

  /** Assigns a split to every sample of a dataset matching the query's filters. */
  public int setSplit(SampleQuery filter, Split split) {
    return db.write(
        c -> {
          List<Object> args = new ArrayList<>();
          args.add(split.code());
          return Sql.update(c, "UPDATE samples AS s SET split = ? WHERE " + where(filter, args, false), args.toArray());
        });
  }

  /**
   * The fingerprint of a dataset's split (null = every split) as training reads it: one query in
   * id order over the (dataset, split) index, each sample's latest label entry found through the
   * (sample, id) index of the history. Rows are hashed as they stream; none is kept.
   */
  public SplitFingerprint fingerprint(long datasetId, Split split) {
    String sql = "SELECT s.sha256, (SELECT max(h.id) FROM label_history h WHERE h.sample_id = s.id AND h.conflict = 0),"
        + " s.label IS NOT NULL FROM samples s WHERE s.dataset_id = ?"
        + (split == null ? "" : " AND s.split = ?") + " ORDER BY s.id";
    return db.read(
        c -> {
          java.security.MessageDigest digest = io.maskocr.engine.Sha256.digest();
          long n = 0;
          long labelled = 0;
          try (PreparedStatement ps = split == null ? Sql.bind(c.prepareStatement(sql), datasetId)
                  : Sql.bind(c.prepareStatement(sql), datasetId, split.code());
              ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              long entry = rs.getLong(2);
              String line = rs.getString(1) + ":" + (rs.wasNull() ? "-" : Long.toString(entry)) + "\n";
              digest.update(line.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
              n++;
              labelled += rs.getBoolean(3) ? 1 : 0;
            }
          }
          return new SplitFingerprint(n, labelled, io.maskocr.engine.Sha256.hex(digest.digest()));
        });
  }

  private String where(SampleQuery q, List<Object> args, boolean withCursor) {
    StringBuilder w = new StringBuilder("s.dataset_id = ?");
    args.add(q.datasetId());
    if (q.split() != null) {
      w.append(" AND s.split = ?");
      args.add(q.split().code());
    }
    if (q.labelSearch() != null && !q.labelSearch().isBlank()) {
      w.append(" AND s.label ").append(db.dialect().likeCaseInsensitive()).append(" ? ESCAPE '\\'");
      args.add(Sql.likeContains(q.labelSearch()));
    }
    if (withCursor && q.afterId() > 0) {
      w.append(" AND s.id > ?");
      args.add(q.afterId());
    }
    return w.toString();
  }

  static Sample row(ResultSet rs) throws SQLException {
    return new Sample(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getInt(5),
        rs.getInt(6),
        rs.getString(7),
        Split.parse(rs.getString(8)),
        rs.getString(9));
  }
}
