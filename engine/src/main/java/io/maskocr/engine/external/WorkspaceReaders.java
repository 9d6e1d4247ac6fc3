package io.maskocr.engine.external;

import io.maskocr.engine.annotate.WorkspaceCheckpoints;
import io.maskocr.engine.infer.RecognizerLanes;
import io.maskocr.engine.infer.TextReader;
import io.maskocr.engine.model.EngineThreads;
import io.maskocr.engine.store.Workspace;
import java.io.IOException;
import java.util.Optional;

/**
 * Opens what a prediction key names: a run's checkpoint ({@code runId@step}) or an external
 * model ({@code model:NAME@sha}), so a tool that lets the user pick "a model" takes either.
 */
public final class WorkspaceReaders {
  private WorkspaceReaders() {}

  /** Whether {@code key} names an external model rather than a checkpoint. */
  public static boolean isExternal(String key) {
    return key != null && key.startsWith(ExternalModels.KEY_PREFIX);
  }

  /**
   * @throws IllegalArgumentException when the checkpoint is gone or the model was removed or
   *     replaced under its name
   */
  public static TextReader open(Workspace ws, String key) throws IOException {
    if (!isExternal(key)) {
      return RecognizerLanes.forEngine(WorkspaceCheckpoints.require(ws, key).directory());
    }
    Optional<ExternalModel> m = ExternalModels.byKey(ws, key);
    if (m.isEmpty()) {
      throw new IllegalArgumentException("external model " + key + " is no longer in workspace " + ws.root()
          + " (removed, or replaced by another file under its name): pick it again from the list");
    }
    return ExternalModels.open(ws, m.get().name(), EngineThreads.count());
  }

  /** How a key is shown: {@code NAME (ppocr-rec)} for an external model, else the key. */
  public static String label(String key, Iterable<ExternalModel> models) {
    if (isExternal(key)) {
      for (ExternalModel m : models) {
        if (m.key().equals(key)) {
          return m.name() + " (" + m.kind() + ")";
        }
      }
      return key.substring(ExternalModels.KEY_PREFIX.length());
    }
    return key;
  }
}
