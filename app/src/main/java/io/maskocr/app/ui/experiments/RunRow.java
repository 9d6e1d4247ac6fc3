package io.maskocr.app.ui.experiments;

import io.maskocr.engine.store.MetricSummary;
import io.maskocr.engine.store.RunRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of the runs table: the stored run plus its metric summaries.
 *
 * @param run the stored run
 * @param recipe recipe name
 * @param preset model preset
 * @param best per metric the best value over the run (lowest loss, highest accuracy...)
 * @param last per metric the last value
 * @param lastStep the last step with metrics (0 when none)
 */
public record RunRow(
    RunRecord run, String recipe, String preset, Map<String, Double> best, Map<String, Double> last, long lastStep) {

  /** A row from {@code run} and the database's summaries of its metrics (other runs' are ignored). */
  public static RunRow of(RunRecord run, String recipe, String preset, List<MetricSummary> summaries) {
    Map<String, Double> best = new LinkedHashMap<>();
    Map<String, Double> last = new LinkedHashMap<>();
    long step = 0;
    for (MetricSummary m : summaries) {
      if (m.runId() != run.id()) {
        continue;
      }
      best.put(m.name(), Metric.lowerIsBetter(m.name()) ? m.lowest() : m.highest());
      last.put(m.name(), m.last());
      step = Math.max(step, m.lastStep());
    }
    return new RunRow(run, recipe, preset, Map.copyOf(best), Map.copyOf(last), step);
  }

  /** An external model registered as a run (a baseline: evaluated, never trained here). */
  public boolean baseline() {
    return run.tags().contains(io.maskocr.engine.external.BaselineRun.TAG);
  }

  /** The status as the table shows it: a baseline row says so instead of "completed". */
  public String status() {
    return baseline() ? "baseline" : run.status().name().toLowerCase(java.util.Locale.ROOT);
  }

  public long id() {
    return run.id();
  }

  public String name() {
    return run.name();
  }

  /** Best value of {@code metric}, NaN when never recorded. */
  public double bestOf(String metric) {
    return best.getOrDefault(metric, Double.NaN);
  }

  /** Last value of {@code metric}, NaN when never recorded. */
  public double lastOf(String metric) {
    return last.getOrDefault(metric, Double.NaN);
  }

  /** Wall time from start to finish (or to now while running); zero when never started. */
  public Duration duration(Instant now) {
    if (run.started() == null) {
      return Duration.ZERO;
    }
    return Duration.between(run.started(), run.finished() != null ? run.finished() : now);
  }

  /** True when the row matches a filter text (name, status, recipe, preset, tags, notes, id). */
  public boolean matches(String filter) {
    if (filter == null || filter.isBlank()) {
      return true;
    }
    String f = filter.toLowerCase(java.util.Locale.ROOT).trim();
    String hay = String.join(" ", Long.toString(run.id()), run.name(), run.status().name(), recipe, preset,
        String.join(" ", run.tags()), run.notes()).toLowerCase(java.util.Locale.ROOT);
    for (String word : f.split("\\s+")) {
      if (!hay.contains(word)) {
        return false;
      }
    }
    return true;
  }
}
