package io.maskocr.engine.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Copies a whole workspace to another back end (SQLite to a team's PostgreSQL, or back): every
 * label history entry with its id, predictions, runs, metrics, checkpoints, the images and the
 * run folders. Ids are kept, so checkpoint and history references stay valid. Afterwards both
 * sides are read again and compared table by table (row count and SHA-256 of the rows); images
 * are re-hashed. Queue leases are not copied: they are live state of one queue.
 */
public final class WorkspaceCopy {
  private static final int CHUNK = 2_000;

  private WorkspaceCopy() {}

  /**
   * Copies {@code from} into {@code to}, which must be empty.
   *
   * @param progress one line per table or image batch (may be a no-op)
   * @throws StoreException when the target holds data, or a row cannot be stored
   */
  public static CopyReport copy(Workspace from, Workspace to, Consumer<String> progress) throws IOException {
    Db src = from.db();
    Db dst = to.db();
    WorkspaceCounts existing = to.counts();
    if (existing.datasets() + existing.runs() > 0) {
      throw new StoreException("the target " + dst.dialect().where() + " already holds a workspace ("
          + existing.datasets() + " datasets, " + existing.runs() + " runs): copy into an empty database");
    }
    for (CopyTable t : CopyTable.ALL) {
      long n = copyTable(src, dst, t);
      progress.accept(t.name() + ": " + n + " rows copied");
    }
    long images = copyImages(from, to);
    progress.accept("images: " + images + " copied");
    copyRunFolders(from.root(), to.root());
    List<CopyReport.TableCheck> checks = new ArrayList<>();
    for (CopyTable t : CopyTable.ALL) {
      long[] n = new long[2];
      String a = digest(src, t, n, 0);
      String b = digest(dst, t, n, 1);
      checks.add(new CopyReport.TableCheck(t.name(), n[0], n[1], a, b));
    }
    return new CopyReport(checks, images, verifyImages(to));
  }

  private static long copyTable(Db src, Db dst, CopyTable t) {
    return src.read(c -> {
      long n = 0;
      try (PreparedStatement ps = c.prepareStatement(t.select(src.dialect()))) {
        ps.setFetchSize(src.dialect().fetchSize());
        try (ResultSet rs = ps.executeQuery()) {
          List<Object[]> chunk = new ArrayList<>(CHUNK);
          while (rs.next()) {
            chunk.add(t.values(rs));
            if (chunk.size() == CHUNK) {
              n += insert(dst, t, chunk);
              chunk.clear();
            }
          }
          n += insert(dst, t, chunk);
        }
      }
      if (t.hasId()) {
        dst.write(w -> {
          dst.dialect().continueIdsAfterCopy(w, t.name());
          return null;
        });
      }
      return n;
    });
  }

  private static int insert(Db dst, CopyTable t, List<Object[]> rows) {
    if (rows.isEmpty()) {
      return 0;
    }
    return dst.write(c -> {
      try (PreparedStatement ps = c.prepareStatement(t.insert())) {
        for (Object[] row : rows) {
          Sql.bind(ps, row);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return rows.size();
    });
  }

  private static String digest(Db db, CopyTable t, long[] counts, int side) {
    return db.read(c -> {
      MessageDigest digest = io.maskocr.engine.Sha256.digest();
      try (PreparedStatement ps = c.prepareStatement(t.select(db.dialect()))) {
        ps.setFetchSize(db.dialect().fetchSize());
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            CopyTable.hash(digest, t.values(rs));
            counts[side]++;
          }
        }
      }
      return io.maskocr.engine.Sha256.hex(digest.digest());
    });
  }

  private static long copyImages(Workspace from, Workspace to) throws IOException {
    List<String[]> images = new ArrayList<>();
    from.maintenance().forEachImage((sha, format) -> images.add(new String[] {sha, format}));
    for (String[] image : images) {
      to.images().put(image[0], image[1], Files.readAllBytes(from.images().local(image[0], image[1])));
    }
    return images.size();
  }

  /** Reads every image the target's samples name back from the target and checks its SHA-256. */
  private static long verifyImages(Workspace to) throws IOException {
    List<String[]> images = new ArrayList<>();
    to.maintenance().forEachImage((sha, format) -> images.add(new String[] {sha, format}));
    long ok = 0;
    for (String[] image : images) {
      byte[] bytes = to.images().stored(image[0], image[1]);
      if (io.maskocr.engine.Sha256.hex(io.maskocr.engine.Sha256.digest().digest(bytes)).equals(image[0])) {
        ok++;
      }
    }
    return ok;
  }

  private static void copyRunFolders(Path fromRoot, Path toRoot) throws IOException {
    Path runs = fromRoot.resolve("runs");
    if (!Files.isDirectory(runs) || fromRoot.equals(toRoot)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(runs)) {
      for (Path p : walk.toList()) {
        Path target = toRoot.resolve(fromRoot.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
