package io.maskocr.engine.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Datasets of a workspace. Obtain via {@link Workspace#datasets()}. */
public final class Datasets {
  private static final int MAX_NAME = 200;
  private final Db db;

  Datasets(Db db) {
    this.db = db;
  }

  /** Creates a dataset; throws when the name is invalid or already used. */
  public Dataset create(String name) {
    String n = validName(name);
    return db.write(
        c -> {
          if (findByName(c, n).isPresent()) {
            throw new StoreException("dataset '" + n + "' already exists");
          }
          return insert(c, n);
        });
  }

  /** The dataset with this name, created when missing. */
  public Dataset getOrCreate(String name) {
    String n = validName(name);
    return db.write(c -> findByName(c, n).orElseGet(() -> insertUnchecked(c, n)));
  }

  /** The dataset with this name, if any. */
  public Optional<Dataset> find(String name) {
    return db.read(c -> findByName(c, name));
  }

  /** The dataset with this name; throws a message listing what to do when it is missing. */
  public Dataset require(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new StoreException(
                    "no dataset named '" + name + "' in this workspace (maskocr datasets lists them)"));
  }

  /** The dataset with this id, if any. */
  public Optional<Dataset> get(long id) {
    return db.read(c -> Sql.one(c, "SELECT id, name, created FROM datasets WHERE id = ?", Datasets::row, id));
  }

  /** All datasets by name. */
  public List<Dataset> list() {
    return db.read(c -> Sql.list(c, "SELECT id, name, created FROM datasets ORDER BY name", Datasets::row));
  }

  /** Renames a dataset; throws when the new name is taken or the dataset is missing. */
  public Dataset rename(long id, String newName) {
    String n = validName(newName);
    return db.write(
        c -> {
          Optional<Dataset> other = findByName(c, n);
          if (other.isPresent() && other.get().id() != id) {
            throw new StoreException("dataset '" + n + "' already exists");
          }
          if (Sql.update(c, "UPDATE datasets SET name = ? WHERE id = ?", n, id) == 0) {
            throw new StoreException("no dataset with id " + id);
          }
          return findByName(c, n).orElseThrow();
        });
  }

  /**
   * Deletes a dataset with its samples, label history and predictions. Image files stay in
   * {@code images/} (other datasets may share them).
   */
  public void delete(long id) {
    db.write(
        c -> {
          if (Sql.update(c, "DELETE FROM datasets WHERE id = ?", id) == 0) {
            throw new StoreException("no dataset with id " + id);
          }
          return null;
        });
  }

  /** Sample, label and split counts of one dataset. */
  public DatasetStats stats(long id) {
    return db.read(
        c -> {
          String sql =
              "SELECT count(*),"
                  + " count(*) FILTER (WHERE label IS NOT NULL AND label <> ''),"
                  + " count(*) FILTER (WHERE split = 'train'),"
                  + " count(*) FILTER (WHERE split = 'val'),"
                  + " count(*) FILTER (WHERE split = 'test')"
                  + " FROM samples WHERE dataset_id = ?";
          try (PreparedStatement ps = Sql.bind(c.prepareStatement(sql), id);
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new DatasetStats(
                id, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5));
          }
        });
  }

  private static String validName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a dataset name must not be empty");
    }
    String n = name.strip();
    if (n.length() > MAX_NAME) {
      throw new IllegalArgumentException("a dataset name has at most " + MAX_NAME + " characters");
    }
    if (n.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("a dataset name must not contain control characters");
    }
    return n;
  }

  private static Optional<Dataset> findByName(java.sql.Connection c, String name)
      throws SQLException {
    return Sql.one(c, "SELECT id, name, created FROM datasets WHERE name = ?", Datasets::row, name);
  }

  private static Dataset insert(java.sql.Connection c, String name) throws SQLException {
    return Sql.one(c, "INSERT INTO datasets(name, created) VALUES (?, ?) RETURNING id, name, created",
        Datasets::row, name, Sql.now()).orElseThrow();
  }

  private static Dataset insertUnchecked(java.sql.Connection c, String name) {
    try {
      return insert(c, name);
    } catch (SQLException e) {
      throw new StoreException("cannot create dataset '" + name + "': " + e.getMessage(), e);
    }
  }

  private static Dataset row(ResultSet rs) throws SQLException {
    return new Dataset(rs.getLong("id"), rs.getString("name"), Sql.instant(rs, "created"));
  }
}
