package io.maskocr.engine.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.sqlite.SQLiteConfig;

/** The embedded back end: one SQLite file in WAL mode, foreign keys on. */
final class SqliteDialect implements Dialect {
  private static final int BUSY_TIMEOUT_MS = 10_000;
  private final Path file;
  private final String url;

  SqliteDialect(Path file) {
    this.file = file.toAbsolutePath();
    this.url = "jdbc:sqlite:" + this.file;
  }

  @Override
  public String name() {
    return "SQLite";
  }

  @Override
  public String where() {
    return "workspace database " + file;
  }

  @Override
  public Connection connect(boolean readOnly) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    config.setCacheSize(-32_000); // 32 MB page cache per connection
    config.setReadOnly(readOnly);
    if (!readOnly) {
      // take the write lock when the transaction starts: a transaction that read first and then
      // writes cannot wait for another process's writer (SQLITE_BUSY at once), it can only fail
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    }
    Connection c = config.createConnection(url);
    ReadableLabelFunction.register(c);
    return c;
  }

  @Override
  public List<Migration> migrations() {
    return Migrations.STEPS;
  }

  @Override
  public int version(Connection c) throws SQLException {
    return (int) Sql.scalar(c, "PRAGMA user_version");
  }

  @Override
  public void setVersion(Connection c, int version) throws SQLException {
    try (var s = c.createStatement()) {
      s.execute("PRAGMA user_version = " + version); // an int: PRAGMA takes no parameters
    }
  }

  @Override
  public void lockSchema(Connection c) {
    // the workspace's single writer connection already serializes migrations
  }

  @Override
  public void lockSample(Connection c, long sampleId) {
    // SQLite has one writer at a time: the write transaction is the lock
  }

  @Override
  public void continueIdsAfterCopy(Connection c, String table) {
    // INTEGER PRIMARY KEY continues after the largest rowid by itself
  }

  @Override
  public String tryLockSample(String sampleIdExpr) {
    return "1 = 1"; // one writer at a time: the write transaction is the lock
  }

  @Override
  public String indexedBy(String index) {
    return " INDEXED BY " + index;
  }

  @Override
  public String likeCaseInsensitive() {
    return "LIKE";
  }

  @Override
  public String metricOrder() {
    return "rowid";
  }

  @Override
  public String nowMillis() {
    return "CAST(unixepoch('subsec') * 1000 AS INTEGER)";
  }

  @Override
  public String readableLabel(String label, LabelComparison c) {
    return ReadableLabelFunction.NAME + "(" + label + ", " + Sql.literal(c.symbols()) + ", "
        + (c.caseFolding() ? 1 : 0) + ")";
  }

  /**
   * A lock held by another program and a full disk are the common causes of a failed write and
   * each has its own remedy.
   */
  @Override
  public StoreException describe(SQLException e, boolean write) {
    String m = String.valueOf(e.getMessage());
    if (!write) {
      return new StoreException("workspace database read failed: " + m, e);
    }
    if (m.contains("SQLITE_BUSY") || m.contains("database is locked")) {
      return new StoreException("workspace database " + file + " is locked by another program: close the other"
          + " maskocr command or MaskOCR Studio using it and try again; nothing was changed", e);
    }
    if (m.contains("SQLITE_FULL") || m.contains("disk is full")) {
      return new StoreException("the disk holding " + file + " is full: free disk space and try again; "
          + "nothing of this write was stored", e);
    }
    if (m.contains("SQLITE_READONLY")) {
      return new StoreException("workspace database " + file + " is read-only: make it writable (chmod u+w) "
          + "or copy the workspace to a writable folder", e);
    }
    return new StoreException("workspace database " + file + ": write failed: " + m, e);
  }
}
