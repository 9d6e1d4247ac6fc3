package io.maskocr.app.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.sqlite.SQLiteConfig;

/**
 * What a workspace holds, row by row and file by file: every row of the stored tables (hashed
 * with all its columns, keyed by table and rowid), {@code PRAGMA user_version}, and the SHA-256
 * of every file under {@code images/} and {@code runs/}. Read with a read-only connection
 * straight from SQLite, so taking it goes around the code under test.
 */
record Snapshot(int schemaVersion, Map<String, String> rows, Map<String, String> files) {
  private static final String[] TABLES = {
    "datasets", "samples", "label_history", "predictions", "runs", "run_metrics", "checkpoints"
  };

  static Snapshot of(Path ws) {
    Map<String, String> rows = new TreeMap<>();
    int version;
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    try (Connection c = config.createConnection("jdbc:sqlite:" + ws.resolve("workspace.db"));
        Statement st = c.createStatement()) {
      try (ResultSet r = st.executeQuery("PRAGMA user_version")) {
        version = r.getInt(1);
      }
      for (String t : TABLES) {
        try (ResultSet r = st.executeQuery("SELECT rowid, * FROM " + t + " ORDER BY rowid")) {
          int n = r.getMetaData().getColumnCount();
          while (r.next()) {
            StringBuilder b = new StringBuilder();
            for (int i = 2; i <= n; i++) {
              b.append(r.getString(i)).append('\u0001');
            }
            rows.put(t + "#" + r.getLong(1), sha(b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot snapshot " + ws + ": " + e.getMessage(), e);
    }
    Map<String, String> files = new TreeMap<>();
    for (String dir : new String[] {"images", "runs"}) {
      Path d = ws.resolve(dir);
      if (!Files.isDirectory(d)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(d)) {
        s.filter(Files::isRegularFile).forEach(p -> files.put(ws.relativize(p).toString(), sha(read(p))));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Snapshot(version, rows, files);
  }

  /** Rows of one table. */
  long count(String table) {
    return rows.keySet().stream().filter(k -> k.startsWith(table + "#")).count();
  }

  /** Exactly the same rows and files: the command changed nothing. */
  void assertSameAs(Snapshot before) {
    assertEquals(before.schemaVersion, schemaVersion, "schema version changed");
    assertEquals(before.rows, rows, "stored rows changed");
    assertEquals(before.files, files, "stored files changed");
  }

  /** Every row and file of {@code before} is still there, unchanged (new ones may be added). */
  void assertKeeps(Snapshot before) {
    assertEquals(before.schemaVersion, schemaVersion, "schema version changed");
    before.rows.forEach((k, v) -> assertEquals(v, rows.get(k), "stored row " + k + " changed or vanished"));
    before.files.forEach((k, v) -> assertEquals(v, files.get(k), "stored file " + k + " changed or vanished"));
    assertTrue(rows.size() >= before.rows.size());
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
