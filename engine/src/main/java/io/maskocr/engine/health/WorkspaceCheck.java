package io.maskocr.engine.health;

import io.maskocr.engine.Sha256;
import io.maskocr.engine.infer.Recognizer;
import io.maskocr.engine.store.Backups;
import io.maskocr.engine.store.RunRecord;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.Checkpoints;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code maskocr check}: is everything a workspace stores still readable and what it claims to
 * be? SQLite's integrity check, every image file against the sha256 it is stored under, and
 * every checkpoint of every run loaded as a model. Reads only; changes nothing.
 */
public final class WorkspaceCheck {
  /** Progress: which part, and how far in it. */
  @FunctionalInterface
  public interface Progress {
    void update(String part, long done, long total);
  }

  private WorkspaceCheck() {}

  /** Checks {@code ws}; {@code progress} may be null. */
  public static CheckReport run(Workspace ws, Progress progress) {
    Progress say = progress == null ? (p, d, t) -> {} : progress;
    List<String> problems = new ArrayList<>();
    say.update("database integrity", 0, 1);
    for (String p : ws.maintenance().integrityProblems()) {
      problems.add("workspace.db: " + p + " (the database is damaged: replace it with the newest copy in "
          + Backups.folder(ws.root()) + ", see README, Backups)");
    }
    long images = checkImages(ws, problems, say);
    long checkpoints = checkCheckpoints(ws, problems, say);
    return new CheckReport(problems, images, checkpoints);
  }

  private static long checkImages(Workspace ws, List<String> problems, Progress say) {
    List<String[]> all = new ArrayList<>();
    ws.maintenance().forEachImage((sha, format) -> all.add(new String[] {sha, format}));
    long done = 0;
    for (String[] image : all) {
      if (ws.isTeam()) {
        checkStoredImage(ws, image, problems);
        say.update("images", ++done, all.size());
        continue;
      }
      Path file = ws.images().path(image[0], image[1]);
      if (!Files.isRegularFile(file)) {
        problems.add(file + ": image file missing (its samples cannot be shown or trained on; "
            + "import the original again or delete those samples)");
      } else {
        try {
          String actual = Sha256.ofFile(file);
          if (!actual.equals(image[0])) {
            problems.add(file + ": content does not match its sha256 (the file was changed or damaged; "
                + "import the original again)");
          }
        } catch (IOException e) {
          problems.add(file + ": cannot be read (" + e.getMessage() + ")");
        }
      }
      say.update("image files", ++done, all.size());
    }
    return done;
  }

  /** A team workspace's image is checked as the database holds it (the local cache is disposable). */
  private static void checkStoredImage(Workspace ws, String[] image, List<String> problems) {
    String where = "image " + image[0] + " in " + ws.databaseDescription();
    try {
      byte[] bytes = ws.images().stored(image[0], image[1]);
      String actual = io.maskocr.engine.Sha256.hex(io.maskocr.engine.Sha256.digest().digest(bytes));
      if (!actual.equals(image[0])) {
        problems.add(where + ": content does not match its sha256 (import the original again)");
      }
    } catch (java.nio.file.NoSuchFileException e) {
      problems.add(where + ": missing (its samples cannot be shown or trained on; import the original again)");
    } catch (IOException e) {
      problems.add(where + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  private static long checkCheckpoints(Workspace ws, List<String> problems, Progress say) {
    List<Path> dirs = new ArrayList<>();
    for (RunRecord run : ws.runs().list()) {
      dirs.addAll(Checkpoints.list(ws.runs().dir(run.id())));
    }
    long done = 0;
    for (Path dir : dirs) {
      try (Recognizer r = Recognizer.load(dir)) {
        // loaded: config, charset and every weight tensor read back
      } catch (IOException | RuntimeException e) {
        problems.add(dir + ": checkpoint does not load (" + e.getMessage()
            + "); resume from an earlier checkpoint or delete this folder");
      }
      say.update("checkpoints", ++done, dirs.size());
    }
    return done;
  }
}
