package io.maskocr.engine.external;

import io.maskocr.engine.BuildRevision;
import io.maskocr.engine.io.Json;
import io.maskocr.engine.store.NewRun;
import io.maskocr.engine.store.RunRecord;
import io.maskocr.engine.store.RunStatus;
import io.maskocr.engine.store.Workspace;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An external model as a completed run of the workspace, so the runs table lists it as a
 * baseline row beside the trained runs, its eval figures are stored as metric points of that run
 * and Compare takes it, all through the tables runs already use. Tagged {@code baseline} and
 * with the model's key; its "recipe" is the model's record (kind, hash, settings), which is what
 * produced its numbers.
 */
public final class BaselineRun {
  /** Tag of every external model's run. */
  public static final String TAG = "baseline";

  private BaselineRun() {}

  /** The run of {@code m}, registering it on first use. */
  public static synchronized long ensure(Workspace ws, ExternalModel m) throws IOException {
    Optional<RunRecord> existing = find(ws, m.key());
    if (existing.isPresent()) {
      return existing.get().id();
    }
    Map<String, Object> recipe = new LinkedHashMap<>();
    recipe.put("name", "external " + m.kind());
    recipe.put("model", Map.of("preset", m.kind()));
    recipe.put("external", m);
    Map<String, Object> provenance = new LinkedHashMap<>();
    provenance.put("kind", "external-model");
    provenance.put("file", m.source());
    provenance.put("sha256", m.sha256());
    provenance.put("keysSha256", m.keysSha256());
    RunRecord run = ws.runs().create(new NewRun(m.name() + " (" + m.kind() + ")", Json.mapper().writeValueAsString(recipe),
        0, Json.mapper().writeValueAsString(provenance), BuildRevision.current().describe(), "external ONNX model",
        List.of(TAG, m.key()), "external " + m.kind() + " model " + m.source() + " (sha256 "
            + m.sha256().substring(0, 12) + "), not trained here: a baseline"));
    ws.runs().setStatus(run.id(), RunStatus.RUNNING);
    ws.runs().setStatus(run.id(), RunStatus.COMPLETED);
    return run.id();
  }

  /** The run registered for the model stored under {@code key}, if any. */
  public static Optional<RunRecord> find(Workspace ws, String key) {
    return ws.runs().list().stream().filter(r -> r.tags().contains(TAG) && r.tags().contains(key)).findFirst();
  }

  /** The model key of a baseline run (null for a trained run). */
  public static String keyOf(RunRecord run) {
    if (!run.tags().contains(TAG)) {
      return null;
    }
    return run.tags().stream().filter(t -> t.startsWith(ExternalModels.KEY_PREFIX)).findFirst().orElse(null);
  }
}
