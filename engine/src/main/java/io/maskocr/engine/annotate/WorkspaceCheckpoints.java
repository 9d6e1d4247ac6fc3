package io.maskocr.engine.annotate;

import io.maskocr.engine.store.CheckpointRecord;
import io.maskocr.engine.store.RunRecord;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.CheckpointInfo;
import io.maskocr.engine.train.Checkpoints;
import io.maskocr.engine.train.StarterModel;
import io.maskocr.engine.train.StarterRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finds the checkpoints on disk of a workspace's runs (the folders, not only the records). */
public final class WorkspaceCheckpoints {
  private WorkspaceCheckpoints() {}

  /** Every complete checkpoint of every run, newest first (by save time, then step). */
  public static List<CheckpointRef> list(Workspace ws) {
    List<CheckpointRef> out = new ArrayList<>();
    for (RunRecord run : ws.runs().list()) {
      for (Path dir : Checkpoints.list(ws.runs().dir(run.id()))) {
        try {
          CheckpointInfo info = Checkpoints.readInfo(dir);
          out.add(new CheckpointRef(info.runId() + "@" + info.step(), run.id(), info.step(), dir, info.savedAt()));
        } catch (IllegalArgumentException unreadable) {
          // a checkpoint of another format: not usable for prediction, not listed
        }
      }
    }
    out.sort(Comparator.comparing(CheckpointRef::savedAt).thenComparingLong(CheckpointRef::step).reversed());
    return out;
  }

  /**
   * Every checkpoint; a workspace without any first gets the bundled starter model, registered
   * as a run ({@link StarterRun}), so it can predict before any training. Empty only when the
   * installation has no starter either.
   */
  public static List<CheckpointRef> listOrStarter(Workspace ws) throws IOException {
    List<CheckpointRef> all = list(ws);
    if (all.isEmpty() && StarterModel.directory().isPresent()) {
      StarterRun.ensure(ws);
      all = list(ws);
    }
    return all;
  }

  /**
   * On a team workspace, unpacks the checkpoints teammates published into the database that are
   * not on this machine yet, so that they are listed and predict like local ones. Nothing on a
   * solo workspace.
   */
  public static void fetchPublished(Workspace ws) throws IOException {
    if (!ws.isTeam()) {
      return;
    }
    for (RunRecord run : ws.runs().list()) {
      for (CheckpointRecord k : ws.runs().checkpoints(run.id())) {
        if (!java.nio.file.Files.isDirectory(ws.root().resolve(k.path()))) {
          ws.published().fetch(k);
        }
      }
    }
  }

  /** The newest checkpoint of the workspace, if any run saved one. */
  public static Optional<CheckpointRef> newest(Workspace ws) {
    List<CheckpointRef> all = list(ws);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /**
   * The checkpoint stored under {@code key} ({@code runId@step}).
   *
   * @throws IllegalArgumentException naming the key when it is gone (old checkpoints are pruned)
   */
  public static CheckpointRef require(Workspace ws, String key) {
    return list(ws).stream().filter(c -> c.key().equals(key)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "checkpoint " + key + " is not in workspace " + ws.root()
                + " (runs keep their two newest checkpoints); pick another checkpoint"));
  }
}
