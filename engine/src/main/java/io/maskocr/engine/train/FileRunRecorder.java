package io.maskocr.engine.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maskocr.engine.io.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Records a run as files in its folder: {@code provenance.json}, {@code metrics.jsonl} (one
 * line per metrics event) and {@code status.json}.
 */
public final class FileRunRecorder implements RunRecorder {
  private final Path runDir;
  private final ObjectMapper json = Recipes.json();

  /** Records into {@code runDir} (created if missing). */
  public FileRunRecorder(Path runDir) {
    this.runDir = runDir;
  }

  @Override
  public void started(RunProvenance provenance) {
    try {
      Files.createDirectories(runDir);
      String name = provenance.resumedFromStep() > 0
          ? "provenance-resume-" + provenance.resumedFromStep() + ".json" : "provenance.json";
      json.writeValue(runDir.resolve(name).toFile(), provenance);
      status("running", provenance.resumedFromStep(), "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void event(TrainingEvent event) {
    try {
      if (event instanceof TrainingEvent.Metrics m) {
        String line = Json.mapper().writeValueAsString(m) + "\n";
        Files.writeString(runDir.resolve("metrics.jsonl"), line, StandardCharsets.UTF_8,
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } else if (event instanceof TrainingEvent.Finished f) {
        status(f.completed() ? "completed" : "stopped", f.step(), "");
      } else if (event instanceof TrainingEvent.Failed f) {
        status("failed", f.step(), f.reason());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void status(String state, long step, String reason) throws IOException {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("state", state);
    s.put("step", step);
    s.put("reason", reason);
    json.writeValue(runDir.resolve("status.json").toFile(), s);
  }
}
