package io.maskocr.engine.train;

import com.fasterxml.jackson.databind.JsonNode;
import io.maskocr.engine.store.NewRun;
import io.maskocr.engine.store.RunRecord;
import io.maskocr.engine.store.RunStatus;
import io.maskocr.engine.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The bundled starter model as a run of a workspace, so that every tool that reads runs
 * (predict, eval, Annotate's queue, fine-tune on corrections, Learn, the runs table) works with
 * it before any training. Registered on first use: a completed run named {@code starter}, its
 * provenance taken from the starter's {@code checkpoint.json}, and a copy of its checkpoint.
 */
public final class StarterRun {
  /** Tag of the run; a second tag {@code starter@<step>} names the version. */
  public static final String TAG = StarterModel.NAME;

  private StarterRun() {}

  /**
   * The run id of the starter in {@code ws}, registering it when this version is not there yet.
   *
   * @throws IllegalStateException when the installation has no starter model
   */
  public static synchronized long ensure(Workspace ws) throws IOException {
    Path source = StarterModel.require();
    CheckpointInfo info = Checkpoints.readInfo(source);
    String version = TAG + "@" + info.step();
    for (RunRecord r : ws.runs().list()) {
      if (r.tags().contains(version)) {
        Path runDir = ws.runs().dir(r.id());
        if (Checkpoints.latest(runDir).isEmpty()) {
          // a teammate's machine (team workspace): the run is in the shared database, its files
          // are not here yet; every installation bundles the same starter, so no write is needed
          copyCheckpoint(source, info, runDir, Long.toString(r.id()));
        }
        return r.id();
      }
    }
    JsonNode provenance = Recipes.json().readTree(source.resolve("checkpoint.json").toFile()).path("provenance");
    RunRecord run = ws.runs().create(new NewRun(TAG, Recipes.json().writeValueAsString(info.recipe()),
        info.recipe().seed(), provenance.isMissingNode() ? "{}" : Recipes.json().writeValueAsString(provenance),
        provenance.path("gitRevision").asText("unknown"), provenance.path("machine").asText("unknown"),
        List.of(TAG, version),
        "the bundled starter model (" + StarterModel.location() + "), trained on synthetic words only; "
            + "fine-tune it with \"init\": \"starter\""));
    Path runDir = ws.runs().dir(run.id());
    Path dir = copyCheckpoint(source, info, runDir, Long.toString(run.id()));
    ws.runs().addCheckpoint(run.id(), "end", info.step(), ws.root().relativize(dir.toAbsolutePath()).toString(), "{}");
    ws.runs().setStatus(run.id(), RunStatus.RUNNING);
    ws.runs().setStatus(run.id(), RunStatus.COMPLETED);
    return run.id();
  }

  /** Copies weights and a checkpoint.json that names the workspace run; complete or absent. */
  private static Path copyCheckpoint(Path source, CheckpointInfo info, Path runDir, String runId) throws IOException {
    Path root = runDir.resolve("checkpoints");
    Path tmp = root.resolve(Checkpoints.folderName(info.step()) + ".tmp");
    Path dir = root.resolve(Checkpoints.folderName(info.step()));
    Files.createDirectories(tmp);
    Files.copy(source.resolve("weights.bin"), tmp.resolve("weights.bin"), StandardCopyOption.REPLACE_EXISTING);
    CheckpointInfo renamed = new CheckpointInfo(info.format(), runId, info.step(), info.stageIndex(),
        info.optimizerSteps(), info.model(), info.charsetName(), info.charsetSymbols(), info.charsetCaseFolding(),
        info.recipe(), info.savedAt());
    Recipes.json().writeValue(tmp.resolve("checkpoint.json").toFile(), renamed);
    Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
    return dir;
  }
}
