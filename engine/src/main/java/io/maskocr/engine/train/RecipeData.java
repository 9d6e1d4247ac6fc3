package io.maskocr.engine.train;

import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Checks, before a run is registered, that the data a recipe names is there: workspace
 * datasets and splits, and data folders. Training resolves data on its own thread after the
 * run is recorded, so without this a typo in a dataset name leaves a failed run behind.
 */
public final class RecipeData {
  private RecipeData() {}

  /**
   * @param recipe the recipe about to run
   * @param ws the workspace it runs in
   * @param origin how the user named the recipe (its file or built-in name), for messages
   * @throws IllegalArgumentException naming the recipe, the stage and what to do
   */
  public static void requireAvailable(Recipe recipe, Workspace ws, String origin) {
    for (int i = 0; i < recipe.stages().size(); i++) {
      StageConfig stage = recipe.stages().get(i);
      String where = "recipe " + origin + ", stage " + (i + 1) + " (" + stage.type() + "): ";
      for (DataSpec d : stage.data()) {
        switch (d.kind()) {
          case "split" -> requireSplit(d, ws, where);
          case "pseudo" -> {
            requireSplit(d, ws, where);
            try {
              PseudoLabeler.require().requireAvailable(ws, d);
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException(where + e.getMessage());
            }
          }
          case "folder" -> {
            if (!Files.isDirectory(Path.of(d.path()))) {
              throw new IllegalArgumentException(where + "data folder '" + d.path() + "' does not exist;"
                  + " fix its \"path\"");
            }
          }
          default -> {
            // synthetic data is rendered; nothing to find
          }
        }
      }
    }
  }

  private static void requireSplit(DataSpec d, Workspace ws, String where) {
    if (!"all".equals(d.split())) {
      try {
        Split.parse(d.split());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + e.getMessage() + " (or all)");
      }
    }
    if (!"*".equals(d.dataset()) && ws.datasets().find(d.dataset()).isEmpty()) {
      String have = ws.datasets().list().stream().map(Dataset::name).collect(Collectors.joining(", "));
      throw new IllegalArgumentException(where + "no dataset named '" + d.dataset() + "' in workspace " + ws.root()
          + " (it has: " + (have.isEmpty() ? "none" : have) + "); import it first with `maskocr import SOURCE"
          + " --dataset " + d.dataset() + "` or fix the name");
    }
  }
}
