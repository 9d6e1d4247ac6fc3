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
import java.util.Comparator;
import java.util.stream.Stream;

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
    if (recipe.init() != null) {
      Path init = InitCheckpoint.resolve(recipe.init(), ws);
      JsonNode earlier = json.readTree(init.resolve("checkpoint.json").toFile()).path("provenance").path("chunks");
      earlier.forEach(chunks::add);
    }
    chunks.add(chunk(json, run, ws.runs().dir(runId), info, recipe));
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

    CheckpointInfo shipped = new CheckpointInfo(CheckpointInfo.FORMAT, StarterModel.NAME, steps,
        recipe.stages().size(), 0, info.model(), info.charsetName(), info.charsetSymbols(),
        info.charsetCaseFolding(), recipe, info.savedAt());
    ObjectNode file = json.valueToTree(shipped);
    file.set("provenance", provenance);

    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    deleteTree(tmp);
    Files.createDirectories(tmp);
    TensorFile.write(tmp.resolve("weights.bin"), TensorFile.read(ckpt.resolve("weights.bin")), half);
    json.writeValue(tmp.resolve("checkpoint.json").toFile(), file);
    deleteTree(out);
    Files.move(tmp, out);
    return provenance;
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
    c.put("steps", recipe.totalSteps());
    c.put("imagesSeen", recipe.stages().stream().mapToLong(s -> (long) s.steps() * s.batchSize()).sum());
    double hours = run.started() != null && run.finished() != null
        ? Duration.between(run.started(), run.finished()).toSeconds() / 3600.0 : Double.NaN;
    c.put("wallClockHours", Double.isNaN(hours) ? 0 : Math.round(hours * 100) / 100.0);
    c.put("started", String.valueOf(run.started()));
    c.put("finished", String.valueOf(run.finished()));
    c.put("gitRevision", run.codeVersion());
    c.put("machine", prov.path("cpuModel").asText(RunProvenance.readCpuModel()) + ", "
        + prov.path("cpus").asInt(Runtime.getRuntime().availableProcessors()) + " CPUs visible; " + run.machine());
    c.set("stages", json.valueToTree(recipe.stages()));
    c.set("data", prov.path("data"));
    return c;
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
