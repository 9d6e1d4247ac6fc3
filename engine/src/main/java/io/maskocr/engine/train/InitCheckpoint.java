package io.maskocr.engine.train;

import io.maskocr.engine.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves a recipe's {@code init} to a checkpoint folder: {@code starter}, a run id of the
 * workspace (its newest checkpoint), or a checkpoint or run folder on disk.
 */
public final class InitCheckpoint {
  private InitCheckpoint() {}

  /**
   * @param init the recipe's {@code init}
   * @param workspace the workspace whose run ids are meant, or null outside a workspace
   * @throws IllegalArgumentException naming {@code init} and what it may be
   */
  public static Path resolve(String init, Workspace workspace) {
    if (StarterModel.NAME.equals(init)) {
      return StarterModel.require();
    }
    if (init.matches("\\d{1,18}")) {
      long id = Long.parseLong(init);
      if (workspace == null) {
        throw new IllegalArgumentException("init " + init + " names a run, but this training has no workspace");
      }
      workspace.runs().get(id).orElseThrow(() -> new IllegalArgumentException(
          "init " + init + ": workspace " + workspace.root() + " has no run " + id
              + " (init may be starter, a run id of this workspace, or a checkpoint folder)"));
      return Checkpoints.resolve(workspace.runs().dir(id));
    }
    Path dir = Path.of(init);
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("init '" + init
          + "' is neither 'starter', a run id, nor a checkpoint folder that exists");
    }
    return Checkpoints.resolve(dir);
  }
}
