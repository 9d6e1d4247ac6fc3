package io.maskocr.app.cli.hostile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small tmpfs mounted for one test: a disk that really fills up, or that really is read-only
 * (for root too, whom chmod does not stop). Needs mount rights; {@link #mount} returns null
 * without them so the caller can skip with an assumption.
 */
final class SmallDisk implements AutoCloseable {
  private final Path dir;

  private SmallDisk(Path dir) {
    this.dir = dir;
  }

  /** Mounts a tmpfs of {@code size} (e.g. {@code 2m}) on a new folder {@code dir}, or returns null. */
  static SmallDisk mount(Path dir, String size) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    return run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString()) ? new SmallDisk(dir) : null;
  }

  Path dir() {
    return dir;
  }

  /** Remounts read-only: every write fails with EROFS, whoever the user is. */
  boolean remountReadOnly() throws IOException, InterruptedException {
    return run("mount", "-o", "remount,ro", dir.toString());
  }

  private static boolean run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor() == 0;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run("umount", dir.toString());
  }
}
