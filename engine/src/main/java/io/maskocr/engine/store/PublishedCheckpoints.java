package io.maskocr.engine.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Checkpoints published into the workspace database, so a teammate's machine can predict with a
 * model trained elsewhere: the checkpoint folder is zipped into a row (at most {@link #MAX_BYTES});
 * {@link #fetch} unpacks it to the same relative path under the teammate's workspace folder.
 * Obtain via {@link Workspace#published()}.
 */
public final class PublishedCheckpoints {
  /** A published checkpoint's zip may not be larger: the database is shared by everyone. */
  public static final long MAX_BYTES = 20L * 1024 * 1024;

  private final Db db;
  private final Path root;

  PublishedCheckpoints(Db db, Path root) {
    this.db = db;
    this.root = root;
  }

  /**
   * Publishes a checkpoint's folder; publishing it again replaces the copy.
   *
   * @param machine recorded with it (where it was trained)
   * @return the zip's size in bytes
   * @throws StoreException when the folder is missing or the zip exceeds {@link #MAX_BYTES}
   */
  public long publish(CheckpointRecord checkpoint, String machine) throws IOException {
    Path dir = root.resolve(checkpoint.path()).normalize();
    if (!Files.isDirectory(dir)) {
      throw new StoreException("checkpoint " + checkpoint.id() + " has no folder " + dir + " on this machine:"
          + " publish it from the machine that trained it");
    }
    byte[] zip = zip(dir);
    if (zip.length > MAX_BYTES) {
      throw new StoreException(String.format("checkpoint %d is %.1f MB zipped, more than the %d MB a published"
          + " checkpoint may take: share it by file instead", checkpoint.id(), zip.length / 1e6, MAX_BYTES >> 20));
    }
    String sha = io.maskocr.engine.Sha256.hex(io.maskocr.engine.Sha256.digest().digest(zip));
    db.write(c -> Sql.update(c, "INSERT INTO published_checkpoints(checkpoint_id, zip, sha256, machine, created)"
        + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (checkpoint_id) DO UPDATE SET zip = excluded.zip,"
        + " sha256 = excluded.sha256, machine = excluded.machine, created = excluded.created",
        checkpoint.id(), zip, sha, machine, Sql.now()));
    return zip.length;
  }

  /** Ids of the published checkpoints of a run. */
  public List<Long> ofRun(long runId) {
    return db.read(c -> Sql.list(c, "SELECT p.checkpoint_id FROM published_checkpoints p"
        + " JOIN checkpoints k ON k.id = p.checkpoint_id WHERE k.run_id = ? ORDER BY p.checkpoint_id",
        rs -> rs.getLong(1), runId));
  }

  /**
   * Unpacks a published checkpoint to its path under this workspace folder unless it is there;
   * returns the folder, or empty when the checkpoint was not published.
   */
  public Optional<Path> fetch(CheckpointRecord checkpoint) throws IOException {
    Path dir = root.resolve(checkpoint.path()).normalize();
    if (Files.isDirectory(dir)) {
      return Optional.of(dir);
    }
    Optional<byte[]> zip = db.read(c -> Sql.one(c, "SELECT zip FROM published_checkpoints WHERE checkpoint_id = ?",
        rs -> rs.getBytes(1), checkpoint.id()));
    if (zip.isEmpty()) {
      return Optional.empty();
    }
    // unpacked beside the target and renamed, so a half-fetched checkpoint never looks complete
    Path tmp = dir.resolveSibling("." + dir.getFileName() + ".fetch");
    deleteTree(tmp);
    unzip(zip.get(), tmp);
    Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    return Optional.of(dir);
  }

  private static byte[] zip(Path dir) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream out = new ZipOutputStream(bytes); Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        out.putNextEntry(new ZipEntry(dir.relativize(p).toString().replace('\\', '/')));
        Files.copy(p, out);
        out.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  private static void unzip(byte[] zip, Path dir) throws IOException {
    Files.createDirectories(dir);
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        Path out = dir.resolve(e.getName()).normalize();
        if (!out.startsWith(dir)) {
          throw new IOException("a published checkpoint names a file outside its folder: " + e.getName());
        }
        Files.createDirectories(out.getParent());
        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
