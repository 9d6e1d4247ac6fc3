package io.maskocr.engine.store;

import io.maskocr.engine.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The database's own health: SQLite's integrity check, consistent backups while the workspace is
 * in use, and the list of images the samples name (for checking them against their hashes).
 */
public final class Maintenance {
  private final Db db;

  Maintenance(Db db) {
    this.db = db;
  }

  /**
   * {@code PRAGMA integrity_check}: an empty list when the database is sound, else SQLite's
   * messages (at most 100).
   */
  public List<String> integrityProblems() {
    if (db.dialect() instanceof PostgresDialect) {
      // a server checks its own pages (data checksums, WAL); reaching it is the check here
      db.read(c -> Sql.scalar(c, "SELECT 1"));
      return List.of();
    }
    return db.read(c -> {
      List<String> problems = new ArrayList<>();
      try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA integrity_check(100)")) {
        while (r.next()) {
          String line = r.getString(1);
          if (!"ok".equalsIgnoreCase(line)) {
            problems.add(line);
          }
        }
      }
      return problems;
    });
  }

  /**
   * Writes a consistent copy of the database to {@code target} ({@code VACUUM INTO}) while other
   * connections read and write: the copy is the state of one committed transaction. Written to a
   * temporary file beside the target, then renamed, so a crash never leaves a half backup under
   * the target's name.
   *
   * @throws IOException when the target's folder cannot be written
   */
  public void backupTo(Path target) throws IOException {
    if (db.dialect() instanceof PostgresDialect) {
      throw new StoreException("a team workspace's database is backed up on its server (" + db.dialect().where()
          + "; pg_dump): `maskocr workspace copy --to DIR` writes a SQLite copy of it");
    }
    Path abs = target.toAbsolutePath().normalize();
    AtomicFiles.write(abs, tmp -> db.readAutoCommit(c -> {
      try (PreparedStatement p = c.prepareStatement("VACUUM INTO ?")) {
        p.setString(1, tmp.toString());
        p.execute();
      }
      return null;
    }));
  }

  /** Calls {@code each} with the sha256 and format of every distinct image that a sample names. */
  public void forEachImage(BiConsumer<String, String> each) {
    db.read(c -> {
      try (Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT DISTINCT sha256, format FROM samples ORDER BY sha256")) {
        while (r.next()) {
          each.accept(r.getString(1), r.getString(2));
        }
      }
      return null;
    });
  }
}
