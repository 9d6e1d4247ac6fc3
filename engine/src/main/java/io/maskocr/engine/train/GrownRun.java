package io.maskocr.engine.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maskocr.engine.BuildRevision;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.store.NewRun;
import io.maskocr.engine.store.RunRecord;
import io.maskocr.engine.store.RunStatus;
import io.maskocr.engine.store.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * A run's newest checkpoint grown to a deeper encoder ({@link ModelGrowth}), registered as a
 * completed run of the workspace, so predict, eval and {@code "init": RUN} take it like any
 * other. Its provenance names the source run and checkpoint, and the starter's history
 * ({@link StarterPublisher}) lists the growth between the chunks before and after it.
 */
public final class GrownRun {
  /** Tag of every grown run. */
  public static final String TAG = "grown";

  private GrownRun() {}

  /** The new run and the model it holds. */
  public record Result(long runId, long sourceRun, long sourceStep, int fromDepth, int toDepth, long parameters,
      Path checkpoint) {}

  /** Grows run {@code sourceRun}'s newest checkpoint to {@code depth} encoder blocks as a new run. */
  public static Result create(Workspace ws, long sourceRun, int depth) throws IOException {
    RunRecord source = ws.runs().get(sourceRun).orElseThrow(
        () -> new IllegalArgumentException("no run " + sourceRun + " in workspace " + ws.root()));
    Path sourceCheckpoint = Checkpoints.resolve(ws.runs().dir(sourceRun));
    CheckpointInfo info = Checkpoints.readInfo(sourceCheckpoint);
    ModelGrowth.Grown grown = ModelGrowth.deepen(sourceCheckpoint, depth);
    try (MaskOcrModel model = grown.model()) {
      ObjectMapper json = Recipes.json();
      ObjectNode from = json.createObjectNode();
      from.put("run", sourceRun);
      from.put("checkpoint", ws.root().relativize(sourceCheckpoint.toAbsolutePath()).toString());
      from.put("step", info.step());
      from.put("weightsSha256", io.maskocr.engine.Sha256.ofFile(sourceCheckpoint.resolve("weights.bin")));
      from.put("fromDepth", grown.fromDepth());
      from.put("toDepth", grown.toDepth());
      from.put("identityBlocks", grown.identityBlocks());
      from.put("method", "block j copies source block j*from/to; a repeated copy starts with its attention "
          + "and MLP outputs at zero, so the grown model reads what the source reads");
      ObjectNode provenance = json.createObjectNode();
      provenance.set("grownFrom", from);
      String machine = RunProvenance.thisMachine();
      RunRecord run = ws.runs().create(new NewRun("grow " + source.name() + " to depth " + depth,
          json.writeValueAsString(info.recipe()), info.recipe().seed(), json.writeValueAsString(provenance),
          BuildRevision.current().describe(), machine, List.of(TAG),
          "run " + sourceRun + " at step " + info.step() + " with " + grown.toDepth() + " encoder blocks instead of "
              + grown.fromDepth() + "; reads as run " + sourceRun + " does until trained (\"init\": run id)"));
      CheckpointInfo grownInfo = new CheckpointInfo(CheckpointInfo.FORMAT, Long.toString(run.id()), info.step(),
          info.stageIndex(), 0, model.config(), info.charsetName(), info.charsetSymbols(), info.charsetCaseFolding(),
          info.recipe(), Instant.now().toString());
      ws.runs().setStatus(run.id(), RunStatus.RUNNING);
      Path dir = Checkpoints.save(ws.runs().dir(run.id()), grownInfo, model, null);
      ws.runs().addCheckpoint(run.id(), "end", info.step(), ws.root().relativize(dir.toAbsolutePath()).toString(), "{}");
      ws.runs().setStatus(run.id(), RunStatus.COMPLETED);
      long parameters = model.recognitionParameterCount();
      return new Result(run.id(), sourceRun, info.step(), grown.fromDepth(), grown.toDepth(), parameters, dir);
    }
  }
}
