package io.maskocr.test.learn;

import io.maskocr.app.ui.section.StudioContext;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.annotate.CheckpointRef;
import io.maskocr.engine.learn.LearnModel;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.ModelSpec;
import io.maskocr.engine.train.Recipe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** A workspace with a tiny model trained for a few steps by {@link LearnModel#ensure}. */
final class LearnFixtures {
  private LearnFixtures() {}

  /** The {@code quick} recipe with a smaller model (same 32x128 input, 32x4 patches), cut to {@code steps}. */
  static Recipe tinyQuick(long steps) {
    return LearnModel.defaultRecipe().withModel(ModelSpec.miniature()).scaledTo(steps);
  }

  /** Trains the tiny model into {@code ws} (nothing when it already has a checkpoint). */
  static CheckpointRef train(Workspace ws, long steps) throws Exception {
    return LearnModel.ensure(ws, tinyQuick(steps), (s, t, m) -> {}, () -> false);
  }

  /** Copies the folder {@code from} to {@code to} (a workspace, to use it without changing it). */
  static void copyTree(Path from, Path to) throws IOException {
    if (!Files.isRegularFile(from.resolve("workspace.db"))) {
      throw new IllegalArgumentException(from + " is not a workspace (no workspace.db in it)");
    }
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : (Iterable<Path>) paths::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** A studio context around one workspace. */
  record Context(TaskExecutor executor, SimpleObjectProperty<Workspace> ws) implements StudioContext {
    Context(TaskExecutor executor, Workspace workspace) {
      this(executor, new SimpleObjectProperty<>(workspace));
    }

    @Override
    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
      return ws;
    }
  }
}
