package io.maskocr.engine.train;

import io.maskocr.engine.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code schedule.json} in the run folder: the planned steps and the schedule that was fitted
 * into the time budget, so a run says how much of its recipe it could afford on this machine.
 * The steps done are in its checkpoints and metrics.
 */
public final class ScheduleRecord {
  /** The file name in the run folder. */
  public static final String FILE = "schedule.json";

  private ScheduleRecord() {}

  static void write(Path runDir, long plannedSteps, Recipe fitted, int stageIndex, long atStep,
      double secondsPerStep, double minutes) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("plannedSteps", plannedSteps);
    json.put("fittedSteps", fitted.totalSteps());
    json.put("stageSteps", fitted.stages().stream().map(StageConfig::steps).toList());
    json.put("warmupSteps", fitted.stages().stream().map(StageConfig::warmupSteps).toList());
    json.put("fittedAtStep", atStep);
    json.put("fittedInStage", stageIndex);
    json.put("secondsPerStep", secondsPerStep);
    json.put("budgetMinutes", minutes);
    json.put("fittedAt", Instant.now().toString());
    Path file = runDir.resolve(FILE);
    Map<String, Object> all = new LinkedHashMap<>();
    if (Files.isRegularFile(file)) {
      all.putAll(Recipes.json().readValue(file.toFile(), Map.class));
    }
    @SuppressWarnings("unchecked")
    List<Object> fits = (List<Object>) all.computeIfAbsent("fits", k -> new java.util.ArrayList<>());
    fits.add(json);
    all.put("plannedSteps", all.getOrDefault("plannedSteps", plannedSteps));
    all.put("fittedSteps", fitted.totalSteps());
    AtomicFiles.writeJson(file, Recipes.json(), all);
  }
}
