package io.maskocr.engine.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.maskocr.engine.model.TensorFile;
import io.maskocr.engine.store.RunRecord;
import io.maskocr.engine.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Turns the last checkpoint of a finished starter-training chunk into the shipped starter model:
 * weights in half precision and a {@code checkpoint.json} whose {@code provenance} lists every
 * chunk that led to it (recipe, steps, images seen, wall-clock hours, code revision, machine,
 * data). A chunk that started from an earlier checkpoint ({@code init}) inherits that
 * checkpoint's chunk list.
 */
public final class StarterPublisher {
  private StarterPublisher() {}

  /**
   * @param ws workspace of the training run
   * @param runId the chunk's run; it must have finished its schedule (ends annealed)
   * @param out folder to write (replaced as a whole)
   * @param half store weights as half floats
   * @return the provenance written
   */
  public static JsonNode publish(Workspace ws, long runId, Path out, boolean half) throws IOException {
    RunRecord run = ws.runs().get(runId).orElseThrow(
        () -> new IllegalArgumentException("no run " + runId + " in workspace " + ws.root()));
    Path ckpt = Checkpoints.resolve(ws.runs().dir(runId));
    CheckpointInfo info = Checkpoints.readInfo(ckpt);
    Recipe recipe = info.recipe();
    if (info.stageIndex() < recipe.stages().size()) {
      throw new IllegalArgumentException("run " + runId + " stopped at step " + info.step() + " of "
          + recipe.totalSteps() + ": publish only a chunk that finished its schedule (resume it first)");
    }
    ObjectMapper json = Recipes.json();
    ArrayNode chunks = json.createArrayNode();
    lineage(ws, json, run, info, chunks, 0);
    ObjectNode provenance = json.createObjectNode();
    long steps = 0;
    long images = 0;
    double hours = 0;
    for (JsonNode c : chunks) {
      steps += c.path("steps").asLong();
      images += c.path("imagesSeen").asLong();
      hours += c.path("wallClockHours").asDouble();
    }
    provenance.put("model", StarterModel.FOLDER);
    provenance.put("totalSteps", steps);
    provenance.put("imagesSeen", images);
    provenance.put("wallClockHours", Math.round(hours * 100) / 100.0);
    provenance.put("gitRevision", run.codeVersion());
    provenance.put("machine", chunks.get(chunks.size() - 1).path("machine").asText());
    provenance.put("data", "synthetic words only, drawn by the bundled renderer with the bundled fonts "
        + "(assets/fonts), corpora (samples/corpus) and backgrounds; no real images and nothing from any "
        + "research-use data set");
    provenance.put("weights", half ? "IEEE half floats (TensorFile version 2)" : "32-bit floats");
    provenance.set("chunks", chunks);

    // The shipped recipe is the whole history: every chunk's stages as far as they ran, so the
    // tools that read a checkpoint's recipe (fine-tune on corrections, Learn) see all of it.
    java.util.List<StageConfig> history = new java.util.ArrayList<>();
    for (JsonNode c : chunks) {
      for (JsonNode st : c.path("stages")) {
        history.add(json.treeToValue(st, StageConfig.class));
      }
    }
    Recipe whole = new Recipe(StarterModel.NAME, recipe.description(), recipe.seed(), recipe.model(),
        recipe.checkpointMinutes(), recipe.logEvery(), recipe.snapshotEvery(), history, null);
    CheckpointInfo shipped = new CheckpointInfo(CheckpointInfo.FORMAT, StarterModel.NAME, whole.totalSteps(),
        whole.stages().size(), 0, info.model(), info.charsetName(), info.charsetSymbols(),
        info.charsetCaseFolding(), whole, info.savedAt());
    ObjectNode file = json.valueToTree(shipped);
    file.set("provenance", provenance);

    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    Checkpoints.deleteTree(tmp);
    Files.createDirectories(tmp);
    TensorFile.write(tmp.resolve("weights.bin"), TensorFile.read(ckpt.resolve("weights.bin")), half);
    json.writeValue(tmp.resolve("checkpoint.json").toFile(), file);
    Checkpoints.deleteTree(out);
    Files.move(tmp, out);
    return provenance;
  }

  /**
   * Adds the chunks that led to {@code info} of {@code run}, oldest first: those an earlier
   * published starter lists, or the workspace runs its {@code init} names, then this one.
   */
  private static void lineage(Workspace ws, ObjectMapper json, RunRecord run, CheckpointInfo info, ArrayNode out,
      int depth) throws IOException {
    if (depth > 100) {
      throw new IllegalStateException("run " + run.id() + ": the chain of init checkpoints does not end");
    }
    JsonNode runProvenance = json.readTree(run.provenanceJson().isBlank() ? "{}" : run.provenanceJson());
    if (runProvenance.path("chunks").isArray()) {
      runProvenance.path("chunks").forEach(out::add); // the bundled starter, registered as a run
      return;
    }
    if (runProvenance.path("grownFrom").isObject()) {
      grown(ws, json, run, runProvenance.path("grownFrom"), out, depth);
      return;
    }
    Recipe recipe = info.recipe();
    if (recipe.init() != null) {
      Path init = InitCheckpoint.resolve(recipe.init(), ws);
      JsonNode file = json.readTree(init.resolve("checkpoint.json").toFile());
      JsonNode earlier = file.path("provenance").path("chunks");
      if (earlier.isArray()) {
        earlier.forEach(out::add);
      } else {
        CheckpointInfo initInfo = Checkpoints.readInfo(init);
        RunRecord initRun = initInfo.runId().matches("\\d{1,18}")
            ? ws.runs().get(Long.parseLong(initInfo.runId())).orElse(null) : null;
        if (initRun == null) {
          throw new IllegalArgumentException("run " + run.id() + " started from " + init
              + ", which is neither a published starter nor a checkpoint of this workspace: its history is unknown");
        }
        lineage(ws, json, initRun, initInfo, out, depth + 1);
      }
    }
    out.add(chunk(json, run, ws.runs().dir(run.id()), info, recipe));
  }

  /** The chunks of the run a grown run was grown from, then the growth itself (no steps of its own). */
  private static void grown(Workspace ws, ObjectMapper json, RunRecord run, JsonNode from, ArrayNode out, int depth)
      throws IOException {
    long sourceId = from.path("run").asLong();
    RunRecord source = ws.runs().get(sourceId).orElseThrow(() -> new IllegalArgumentException(
        "run " + run.id() + " was grown from run " + sourceId + ", which workspace " + ws.root() + " no longer has"));
    Path checkpoint = ws.root().resolve(from.path("checkpoint").asText());
    lineage(ws, json, source, Checkpoints.readInfo(checkpoint), out, depth + 1);
    ObjectNode c = json.createObjectNode();
    c.put("run", run.id());
    c.put("recipe", "grow");
    c.set("grownFrom", from);
    c.put("steps", 0);
    c.put("imagesSeen", 0);
    c.put("wallClockHours", 0.0);
    c.put("gitRevision", run.codeVersion());
    c.put("machine", run.machine());
    c.set("stages", json.createArrayNode());
    c.set("data", json.createArrayNode()); // weights copied, nothing trained
    out.add(c);
  }

  private static ObjectNode chunk(ObjectMapper json, RunRecord run, Path runDir, CheckpointInfo info, Recipe recipe)
      throws IOException {
    // the run folder's provenance.json is written when training starts, with the data lines
    Path file = runDir.resolve("provenance.json");
    JsonNode prov = Files.isRegularFile(file) ? json.readTree(file.toFile())
        : json.readTree(run.provenanceJson().isBlank() ? "{}" : run.provenanceJson());
    ObjectNode c = json.createObjectNode();
    c.put("run", run.id());
    c.put("recipe", recipe.name());
    c.put("init", recipe.init());
    c.put("seed", recipe.seed());
    // what was done up to this checkpoint (a chunk used as init may have stopped early)
    long images = 0;
    java.util.List<StageConfig> done = new java.util.ArrayList<>();
    for (int i = 0; i < recipe.stages().size(); i++) {
      StageConfig stage = recipe.stages().get(i);
      long steps = Math.max(0, Math.min(stage.steps(), info.step() - recipe.stageStart(i)));
      images += steps * stage.batchSize();
      if (steps > 0) {
        done.add(steps == stage.steps() ? stage : stage.withSteps((int) steps));
      }
    }
    c.put("steps", info.step());
    c.put("plannedSteps", recipe.totalSteps());
    c.put("completed", info.step() >= recipe.totalSteps());
    c.put("imagesSeen", images);
    double hours = run.started() != null && run.finished() != null
        ? Duration.between(run.started(), run.finished()).toSeconds() / 3600.0 : Double.NaN;
    c.put("wallClockHours", Double.isNaN(hours) ? 0 : Math.round(hours * 100) / 100.0);
    c.put("started", String.valueOf(run.started()));
    c.put("finished", String.valueOf(run.finished()));
    c.put("gitRevision", run.codeVersion());
    c.put("machine", prov.has("cpuModel") && prov.has("os") && prov.has("java")
        ? RunProvenance.machine(prov.path("cpuModel").asText(), prov.path("cpus").asInt(), prov.path("os").asText(),
            prov.path("java").asText())
        : run.machine());
    c.set("stages", json.valueToTree(done));
    c.set("data", prov.path("data"));
    return c;
  }
}
