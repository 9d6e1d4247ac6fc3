package io.maskocr.engine.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What differs between the store's two back ends, SQLite (one file, embedded) and PostgreSQL (a
 * team's server): connecting, the schema steps and where the version is kept, SQL that has no
 * portable spelling, and how a failure reads to the user. Everything else in the store is
 * written once in SQL both understand.
 */
interface Dialect {
  /** "SQLite" or "PostgreSQL". */
  String name();

  /** Where the data lives, for messages: the database file, or server and database. */
  String where();

  /** A new connection; read-only ones may be refused writes by the database. */
  Connection connect(boolean readOnly) throws SQLException;

  /** The forward-only schema steps, numbered like the other dialect's. */
  List<Migration> migrations();

  /** The schema version of the database (0 when empty). */
  int version(Connection c) throws SQLException;

  /** Records the version inside the migration's transaction. */
  void setVersion(Connection c, int version) throws SQLException;

  /** Keeps two processes from migrating the same database at once (no-op where writes are serialized). */
  void lockSchema(Connection c) throws SQLException;

  /** Serializes label saves of one sample until the transaction ends. */
  void lockSample(Connection c, long sampleId) throws SQLException;

  /**
   * An SQL condition that locks the sample for this transaction if no other transaction holds
   * it, else is false (a queue's "skip locked"); always true where writers are serialized.
   */
  String tryLockSample(String sampleIdExpr);

  /** An index hint after a table alias ({@code INDEXED BY}); empty where the planner needs none. */
  String indexedBy(String index);

  /** The case-insensitive (at least for ASCII) {@code LIKE}. */
  String likeCaseInsensitive();

  /** The column giving run_metrics rows in insertion order. */
  String metricOrder();

  /** The database's clock in epoch milliseconds, as an SQL expression (one clock for a whole team). */
  String nowMillis();

  /** SQL giving {@link LabelComparison#readable} of {@code label} (an SQL expression). */
  String readableLabel(String label, LabelComparison comparison);

  /** After rows were copied in with their ids: new rows continue after the largest id. */
  void continueIdsAfterCopy(Connection c, String table) throws SQLException;

  /** A failed operation in words the user can act on, naming where the data lives. */
  StoreException describe(SQLException e, boolean write);

  /** Rows of a big read are streamed rather than all fetched at once. */
  default int fetchSize() {
    return 0;
  }
}
