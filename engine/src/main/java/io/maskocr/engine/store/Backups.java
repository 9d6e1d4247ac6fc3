package io.maskocr.engine.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Consistent copies of a workspace's database, taken while it is in use ({@code maskocr backup},
 * and automatically before a schema migration). By default they go to {@code
 * <workspace>/backups/workspace-<time>[-reason].db}. Images and run folders are not copied: an
 * image never changes once stored, and run folders are files beside the database.
 */
public final class Backups {
  /** The backups folder's name in a workspace. */
  public static final String FOLDER = "backups";

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private Backups() {}

  /** Where a workspace's backups go by default. */
  public static Path folder(Path workspaceRoot) {
    return workspaceRoot.resolve(FOLDER);
  }

  /**
   * Copies {@code ws}'s database to {@code target}, or to a new time-stamped file in the backups
   * folder when {@code target} is null; returns the file written.
   *
   * @param reason a word for the default file name (may be null)
   */
  public static Path backup(Workspace ws, Path target, String reason) throws IOException {
    Path file = target != null ? target : nextDefault(ws.root(), reason);
    ws.maintenance().backupTo(file);
    return file;
  }

  static Path nextDefault(Path root, String reason) {
    String base = "workspace-" + LocalDateTime.now().format(STAMP) + (reason == null || reason.isBlank() ? "" : "-" + reason);
    Path file = folder(root).resolve(base + ".db");
    for (int i = 2; Files.exists(file); i++) {
      file = folder(root).resolve(base + "-" + i + ".db");
    }
    return file;
  }

  /** The newest backup in the workspace's backups folder, if any. */
  public static Optional<Path> newest(Path workspaceRoot) {
    Path dir = folder(workspaceRoot);
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".db")).max(Comparator.comparing(Backups::modified));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static long modified(Path p) {
    try {
      return Files.getLastModifiedTime(p).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * The message for a damaged database: what is wrong, that nothing was changed, and how to get
   * back to the newest backup.
   */
  static String damagedMessage(Path root, String what) {
    Path db = root.resolve(Workspace.DB_FILE);
    String restore = newest(root)
        .map(b -> "close the app, keep the damaged file aside (rename it), and copy the newest backup " + b
            + " to " + db)
        .orElse("there is no backup in " + folder(root) + "; try `sqlite3 " + db
            + " .recover` into a new file, or restore the folder from your own backups");
    return "workspace database " + db + " is damaged (" + what + "); nothing was changed. To recover: " + restore
        + ". `maskocr check -w " + root + "` lists what else is wrong.";
  }
}
