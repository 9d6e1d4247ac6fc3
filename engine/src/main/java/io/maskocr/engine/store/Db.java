package io.maskocr.engine.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * The workspace's connections: one writer, serialized by a lock, and a small pool of read
 * connections. In WAL mode readers see the last committed state and never block the writer.
 */
final class Db implements AutoCloseable {
  /** Work done on a connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection c) throws SQLException;
  }

  private static final int MAX_READERS = 4;
  private static final int BUSY_TIMEOUT_MS = 10_000;

  private final String url;
  private final Path file;
  private final Connection writer;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final BlockingQueue<Connection> idleReaders = new ArrayBlockingQueue<>(MAX_READERS);
  private final List<Connection> allReaders = new ArrayList<>();
  private volatile boolean closed;

  Db(Path file) throws SQLException {
    this.file = file.toAbsolutePath();
    this.url = "jdbc:sqlite:" + this.file;
    this.writer = connect(false);
  }

  private Connection connect(boolean readOnly) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setTempStore(SQLiteConfig.TempStore.MEMORY);
    config.setCacheSize(-32_000); // 32 MB page cache per connection
    config.setReadOnly(readOnly);
    Connection c = config.createConnection(url);
    ReadableLabelFunction.register(c);
    return c;
  }

  /** Runs {@code work} in one write transaction: all of it is committed or none. */
  <T> T write(SqlWork<T> work) {
    writeLock.lock();
    try {
      ensureOpen();
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
   * A failed write in words a user can act on: a lock held by another program and a full disk
   * are the common causes and each has its own remedy.
   */
  private StoreException writeFailure(SQLException e) {
    String m = String.valueOf(e.getMessage());
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
      c.setAutoCommit(false); // one snapshot for all statements of this work
      try {
        return work.run(c);
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("workspace database read failed: " + e.getMessage(), e);
    } finally {
      if (!idleReaders.offer(c)) {
        closeQuietly(c);
      }
    }
  }

  /** Runs {@code work} on a read connection outside a transaction ({@code VACUUM INTO} needs that). */
  <T> T readAutoCommit(SqlWork<T> work) {
    Connection c = borrowReader();
    try {
      return work.run(c);
    } catch (SQLException e) {
      throw new StoreException("workspace database read failed: " + e.getMessage(), e);
    } finally {
      if (!idleReaders.offer(c)) {
        closeQuietly(c);
      }
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
        try {
          Connection fresh = connect(true);
          allReaders.add(fresh);
          return fresh;
        } catch (SQLException e) {
          throw new StoreException("cannot open a read connection: " + e.getMessage(), e);
        }
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
