package io.maskocr.engine.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The workspace's connections: one writer, serialized by a lock, and a small pool of read
 * connections. Readers see the last committed state and never block the writer (SQLite in WAL
 * mode; PostgreSQL's snapshots). Which database it is, and the SQL that differs, is the {@link
 * Dialect}'s business.
 */
final class Db implements AutoCloseable {
  /** Work done on a connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  private static final int MAX_READERS = 4;
  /** A connection idle this long is checked before a write: a server restart leaves it dead. */
  private static final long IDLE_CHECK_NANOS = 30_000_000_000L;

  private final Dialect dialect;
  private Connection writer;
  private long writerUsed = System.nanoTime();
  private final ReentrantLock writeLock = new ReentrantLock();
  private final BlockingQueue<Connection> idleReaders = new ArrayBlockingQueue<>(MAX_READERS);
  private final List<Connection> allReaders = new ArrayList<>();
  private volatile boolean closed;

  Db(Path file) {
    this(new SqliteDialect(file));
  }

  Db(Dialect dialect) {
    this.dialect = dialect;
    this.writer = connect(false);
  }

  /** The back end's SQL differences. */
  Dialect dialect() {
    return dialect;
  }

  private Connection connect(boolean readOnly) {
    try {
      return dialect.connect(readOnly);
    } catch (SQLException e) {
      throw dialect.describe(e, false);
    }
  }

  /** Runs {@code work} in one write transaction: all of it is committed or none. */
  <T> T write(SqlWork<T> work) {
    writeLock.lock();
    try {
      ensureOpen();
      reconnectIfLost();
      writer.setAutoCommit(false);
      try {
        T result = work.run(writer);
        writer.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        writer.rollback();
        throw e;
      } finally {
        writer.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw writeFailure(e);
    } catch (StoreException e) {
      // work that wrapped its SQLException (Datasets.getOrCreate...) gets the same diagnosis
      for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
        if (t instanceof SQLException sql) {
          StoreException clear = writeFailure(sql);
          throw clear.getMessage().contains(": write failed: ") ? e : clear;
        }
      }
      throw e;
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * A server restart or network drop closes the writer for good; the next write gets a new
   * connection, so a retried save works once the server is back.
   */
  private void reconnectIfLost() throws SQLException {
    boolean idle = System.nanoTime() - writerUsed > IDLE_CHECK_NANOS;
    writerUsed = System.nanoTime();
    if (writer.isClosed() || (idle && !writer.isValid(5))) {
      closeQuietly(writer);
      writer = connect(false);
    }
  }

  private StoreException writeFailure(SQLException e) {
    return dialect.describe(e, true);
  }

  /** Runs {@code work} on the writer outside a transaction (schema pragmas, VACUUM). */
  <T> T writeAutoCommit(SqlWork<T> work) {
    writeLock.lock();
    try {
      ensureOpen();
      return work.run(writer);
    } catch (SQLException e) {
      throw writeFailure(e);
    } finally {
      writeLock.unlock();
    }
  }

  /** Runs {@code work} on a read connection; sees a consistent committed snapshot. */
  <T> T read(SqlWork<T> work) {
    Connection c = borrowReader();
    try {
      return inReadTransaction(c, work);
    } catch (SQLException e) {
      if (!isClosed(c)) {
        throw dialect.describe(e, false);
      }
    } finally {
      giveBack(c); // a dropped connection is forgotten, not pooled
    }
    // the server dropped a pooled connection (a restart): a read is safe to run again on a new one
    Connection fresh = borrowReader();
    try {
      return inReadTransaction(fresh, work);
    } catch (SQLException e) {
      throw dialect.describe(e, false);
    } finally {
      giveBack(fresh);
    }
  }

  private static <T> T inReadTransaction(Connection c, SqlWork<T> work) throws SQLException {
    c.setAutoCommit(false); // one snapshot for all statements of this work (and PostgreSQL streams rows only so)
    try {
      return work.run(c);
    } finally {
      c.rollback();
      c.setAutoCommit(true);
    }
  }

  private static boolean isClosed(Connection c) {
    try {
      return c.isClosed();
    } catch (SQLException e) {
      return true;
    }
  }

  /** Runs {@code work} on a read connection outside a transaction ({@code VACUUM INTO} needs that). */
  <T> T readAutoCommit(SqlWork<T> work) {
    Connection c = borrowReader();
    try {
      return work.run(c);
    } catch (SQLException e) {
      throw dialect.describe(e, false);
    } finally {
      giveBack(c);
    }
  }

  /** Returns a reader to the pool; a connection the server dropped is forgotten instead. */
  private void giveBack(Connection c) {
    if (isClosed(c)) {
      synchronized (allReaders) {
        allReaders.remove(c);
      }
      return;
    }
    if (!idleReaders.offer(c)) {
      closeQuietly(c);
    }
  }

  private Connection borrowReader() {
    ensureOpen();
    Connection c = idleReaders.poll();
    if (c != null) {
      return c;
    }
    synchronized (allReaders) {
      if (allReaders.size() < MAX_READERS) {
        Connection fresh = connect(true);
        allReaders.add(fresh);
        return fresh;
      }
    }
    try {
      return idleReaders.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting for a database connection", e);
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new StoreException("the workspace is closed");
    }
  }

  @Override
  public void close() {
    writeLock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      synchronized (allReaders) {
        allReaders.forEach(Db::closeQuietly);
        allReaders.clear();
      }
      closeQuietly(writer);
    } finally {
      writeLock.unlock();
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // closing: nothing useful to do
    }
  }
}
