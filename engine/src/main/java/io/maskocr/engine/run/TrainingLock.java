package io.maskocr.engine.run;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The workspace-wide "one trainer" lock between processes: the app and a {@code maskocr train}
 * on the same workspace take turns instead of writing the same runs at once. An OS file lock on
 * {@code <workspace>/training.lock}, released by the OS when the holder dies, so a crash never
 * leaves the workspace locked. The file's text names the holder (pid and run) for messages.
 */
public final class TrainingLock implements AutoCloseable {
  /** The lock file's name in the workspace root. */
  public static final String FILE_NAME = "training.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private TrainingLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the lock for {@code runId} if no other process holds it.
   *
   * @return empty when another process trains on this workspace
   */
  public static Optional<TrainingLock> tryAcquire(Path workspaceRoot, long runId) throws IOException {
    FileChannel ch = FileChannel.open(workspaceRoot.resolve(FILE_NAME), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.READ);
    FileLock l;
    try {
      l = ch.tryLock();
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
    if (l == null) {
      ch.close();
      return Optional.empty();
    }
    ch.truncate(0);
    ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " run " + runId + " ("
        + ManagementFactory.getRuntimeMXBean().getName() + ")\n").getBytes(StandardCharsets.UTF_8)), 0);
    ch.force(false);
    return Optional.of(new TrainingLock(ch, l));
  }

  /**
   * Who holds the lock, as written by the holder ("pid 1234 run 5 (...)"), or empty when the file
   * is absent or empty. Advisory text only: whether the lock is held is decided by {@link
   * #tryAcquire}.
   */
  public static Optional<String> holder(Path workspaceRoot) {
    try {
      String s = Files.readString(workspaceRoot.resolve(FILE_NAME), StandardCharsets.UTF_8).strip();
      return s.isEmpty() ? Optional.empty() : Optional.of(s);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Whether another process trains on this workspace right now (probes the lock). */
  public static boolean heldElsewhere(Path workspaceRoot) throws IOException {
    Optional<TrainingLock> probe;
    try {
      probe = tryAcquire(workspaceRoot, -1);
    } catch (java.nio.channels.OverlappingFileLockException thisProcess) {
      return false; // this JVM holds it
    }
    probe.ifPresent(TrainingLock::releaseQuietly);
    return probe.isEmpty();
  }

  private void releaseQuietly() {
    try {
      close();
    } catch (IOException ignored) {
      // the OS drops the lock with the channel anyway
    }
  }

  @Override
  public void close() throws IOException {
    try {
      channel.truncate(0);
    } catch (IOException ignored) {
      // still released below
    }
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
