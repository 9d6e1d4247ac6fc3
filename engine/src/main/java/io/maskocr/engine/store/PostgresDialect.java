package io.maskocr.engine.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * The team back end: a PostgreSQL server (14 or newer). The password is never stored: it comes
 * from {@code PGPASSWORD} or the driver's own lookup of {@code ~/.pgpass} ({@code PGPASSFILE}).
 */
final class PostgresDialect implements Dialect {
  /** Advisory lock key of schema migrations (two-int form, apart from the per-sample keys). */
  private static final int LOCK_CLASS = 0x6d6f6372; // "mocr"

  private final DatabaseUrl url;
  private final UnaryOperator<String> env;

  PostgresDialect(DatabaseUrl url, UnaryOperator<String> env) {
    this.url = url;
    this.env = env;
  }

  /** The user this dialect connects as. */
  String user() {
    if (url.user() != null && !url.user().isBlank()) {
      return url.user();
    }
    String fromEnv = env.apply("PGUSER");
    return fromEnv != null && !fromEnv.isBlank() ? fromEnv : System.getProperty("user.name");
  }

  @Override
  public String name() {
    return "PostgreSQL";
  }

  @Override
  public String where() {
    return "PostgreSQL server " + url.server();
  }

  @Override
  public Connection connect(boolean readOnly) throws SQLException {
    String key = url.server() + " " + user();
    String password = env.apply("PGPASSWORD");
    if (password == null) {
      password = PromptedPasswords.accepted(key);
    }
    Connection c;
    try {
      c = open(password);
    } catch (SQLException e) {
      c = openAfterPrompt(e, key);
    }
    if (readOnly) {
      c.setReadOnly(true);
      // one snapshot per read, as SQLite's WAL readers get
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
    }
    return c;
  }

  private Connection open(String password) throws SQLException {
    Properties p = new Properties();
    p.putAll(url.params());
    p.setProperty("user", user());
    if (password != null) {
      p.setProperty("password", password);
    }
    p.setProperty("ApplicationName", "maskocr");
    p.putIfAbsent("connectTimeout", "10");
    p.setProperty("tcpKeepAlive", "true");
    return DriverManager.getConnection(url.jdbc(), p);
  }

  /** Asks for the password (at most three times) when the server wants one it did not get. */
  private Connection openAfterPrompt(SQLException refused, String key) throws SQLException {
    PasswordPrompt prompt = PromptedPasswords.prompt();
    SQLException last = refused;
    for (int i = 0; i < 3 && prompt != null && PostgresErrors.wantsPassword(last); i++) {
      java.util.Optional<char[]> typed = prompt.ask(url.server(), user());
      if (typed.isEmpty()) {
        break;
      }
      String password = new String(typed.get());
      java.util.Arrays.fill(typed.get(), '\0');
      try {
        Connection c = open(password);
        PromptedPasswords.accept(key, password);
        return c;
      } catch (SQLException e) {
        last = e;
      }
    }
    throw last;
  }

  @Override
  public List<Migration> migrations() {
    return PgMigrations.STEPS;
  }

  @Override
  public int version(Connection c) throws SQLException {
    if (Sql.scalar(c, "SELECT count(*) FROM information_schema.tables"
        + " WHERE table_schema = current_schema() AND table_name = 'schema_version'") == 0) {
      return 0;
    }
    return (int) Sql.scalar(c, "SELECT coalesce(max(version), 0) FROM schema_version");
  }

  @Override
  public void setVersion(Connection c, int version) throws SQLException {
    Sql.update(c, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    Sql.update(c, "DELETE FROM schema_version");
    Sql.update(c, "INSERT INTO schema_version(version) VALUES (?)", version);
  }

  @Override
  public void lockSchema(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?, 0)")) {
      ps.setInt(1, LOCK_CLASS);
      ps.execute();
    }
  }

  @Override
  public void lockSample(Connection c, long sampleId) throws SQLException {
    // an advisory lock needs no UPDATE right on samples (SELECT ... FOR UPDATE would)
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      ps.setLong(1, sampleId);
      ps.execute();
    }
  }

  @Override
  public String tryLockSample(String sampleIdExpr) {
    return "pg_try_advisory_xact_lock(" + sampleIdExpr + ")"; // the key Labels.save locks with
  }

  @Override
  public void continueIdsAfterCopy(Connection c, String table) throws SQLException {
    // the table name is one of the store's own (CopyTable), never user input
    Sql.one(c, "SELECT setval(pg_get_serial_sequence(?, 'id'), coalesce(max(id), 1), max(id) IS NOT NULL) FROM "
        + table, rs -> rs.getLong(1), table);
  }

  @Override
  public String indexedBy(String index) {
    return "";
  }

  @Override
  public String likeCaseInsensitive() {
    return "ILIKE";
  }

  @Override
  public String metricOrder() {
    return "seq";
  }

  @Override
  public String nowMillis() {
    return "CAST(extract(epoch FROM clock_timestamp()) * 1000 AS BIGINT)";
  }

  /** Keeps only the charset's symbols with a regular expression (after lower-casing for a folding charset). */
  @Override
  public String readableLabel(String label, LabelComparison c) {
    StringBuilder cls = new StringBuilder("[^");
    c.symbols().codePoints().forEach(cp -> {
      if (!Character.isLetterOrDigit(cp)) {
        cls.append('\\');
      }
      cls.appendCodePoint(cp);
    });
    cls.append(']');
    String input = c.caseFolding() ? "lower(" + label + ")" : label;
    return "regexp_replace(" + input + ", " + Sql.literal(cls.toString()) + ", '', 'g')";
  }

  @Override
  public int fetchSize() {
    return 5_000;
  }

  @Override
  public StoreException describe(SQLException e, boolean write) {
    return PostgresErrors.describe(e, url, user(), write);
  }
}
