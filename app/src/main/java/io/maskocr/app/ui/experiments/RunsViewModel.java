package io.maskocr.app.ui.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.io.Json;
import io.maskocr.engine.store.MetricSummary;
import io.maskocr.engine.store.RunRecord;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.RunDiff;
import io.maskocr.engine.train.RunDifference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The runs table: every run of the workspace with best and last metrics, a filter, and the
 * user's edits (rename, tags, notes, delete with checkpoints). Database work runs through the
 * executor; lists change on the UI thread.
 */
public final class RunsViewModel {
  private final TaskExecutor executor;
  private final Supplier<Workspace> workspace;
  private final LongPredicate busy;
  private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
  private final FilteredList<RunRow> filtered = new FilteredList<>(rows, r -> true);
  private final StringProperty filter = new SimpleStringProperty("");
  private final StringProperty message = new SimpleStringProperty("");

  /**
   * @param executor background executor
   * @param workspace the open workspace (may supply null)
   * @param busy true for runs that are training or queued (they cannot be deleted)
   */
  public RunsViewModel(TaskExecutor executor, Supplier<Workspace> workspace, LongPredicate busy) {
    this.executor = executor;
    this.workspace = workspace;
    this.busy = busy;
    filter.addListener((o, a, f) -> filtered.setPredicate(r -> r.matches(f)));
  }

  /** Reloads every run and its metric summary. */
  public void refresh() {
    Workspace w = workspace.get();
    if (w == null) {
      rows.clear();
      return;
    }
    executor.execute(BackgroundTask.of("Loading runs", ctx -> load(w)).quiet()
        .onSuccess(rows::setAll)
        .onFailure(e -> message.set("Cannot load runs: " + e.getMessage())));
  }

  static List<RunRow> load(Workspace w) {
    List<RunRow> out = new ArrayList<>();
    ObjectMapper json = Json.mapper();
    Map<Long, List<MetricSummary>> metrics = w.runs().metricSummaries().stream()
        .collect(Collectors.groupingBy(MetricSummary::runId));
    for (RunRecord r : w.runs().list()) {
      String recipe = "?";
      String preset = "?";
      try {
        JsonNode n = json.readTree(r.recipeJson());
        recipe = n.path("name").asText("?");
        preset = n.path("model").path("preset").asText("tiny");
      } catch (Exception e) {
        // an unreadable recipe still lists the run; the detail pane shows the raw text
      }
      out.add(RunRow.of(r, recipe, preset, metrics.getOrDefault(r.id(), List.of())));
    }
    return out;
  }

  /** Renames a run. */
  public void rename(RunRow row, String name) {
    if (name == null || name.isBlank()) {
      message.set("A run needs a non-empty name.");
      return;
    }
    annotate(row, name.trim(), row.run().tags(), row.run().notes());
  }

  /** Replaces a run's tags, given comma-separated. */
  public void setTags(RunRow row, String commaSeparated) {
    List<String> tags = new ArrayList<>();
    for (String t : commaSeparated.split(",")) {
      if (!t.isBlank()) {
        tags.add(t.trim());
      }
    }
    annotate(row, row.name(), tags, row.run().notes());
  }

  /** Replaces a run's notes. */
  public void setNotes(RunRow row, String notes) {
    annotate(row, row.name(), row.run().tags(), notes);
  }

  private void annotate(RunRow row, String name, List<String> tags, String notes) {
    Workspace w = workspace.get();
    executor.execute(BackgroundTask.of("Saving run " + row.id(), ctx -> {
      w.runs().annotate(row.id(), name, tags, notes);
      return null;
    }).quiet().onSuccess(v -> refresh()).onFailure(e -> message.set("Cannot save: " + e.getMessage())));
  }

  /** Deletes a run with its metrics and checkpoint files (the view asks for confirmation first). */
  public void delete(RunRow row) {
    if (busy.test(row.id())) {
      message.set("Run " + row.id() + " is training or queued: stop it before deleting.");
      return;
    }
    Workspace w = workspace.get();
    executor.execute(BackgroundTask.of("Deleting run " + row.id(), ctx -> {
      w.runs().deleteWithFiles(row.id());
      return null;
    }).onSuccess(v -> {
      message.set("Deleted run " + row.id() + " (" + row.name() + ") and its checkpoints.");
      refresh();
    }).onFailure(e -> {
      message.set(e.getMessage());
      refresh();
    }));
  }

  /** Full provenance and recipe of a run, as readable text. */
  public static String detail(RunRow row) {
    RunRecord r = row.run();
    return "Run " + r.id() + " · " + r.name() + " · " + r.status() + "\n"
        + "created " + r.created() + (r.started() != null ? " · started " + r.started() : "")
        + (r.finished() != null ? " · finished " + r.finished() : "") + "\n"
        + "seed " + r.seed() + " · code " + r.codeVersion() + "\n"
        + "machine " + r.machine() + "\n"
        + "tags " + String.join(", ", r.tags()) + "\n"
        + "notes " + r.notes() + "\n\n"
        + "Recipe:\n" + pretty(r.recipeJson()) + "\n\nProvenance:\n" + pretty(r.provenanceJson());
  }

  /**
   * Everything that differed between two runs' inputs ({@link RunDiff}): one line naming the
   * aspects that were the same, so "same code, same data" is read rather than inferred, then each
   * differing aspect with its differences.
   */
  public static String diff(RunRow a, RunRow b) {
    RunDiff d = RunDiff.of(a.run(), b.run());
    int n = d.differences().size();
    StringBuilder sb = new StringBuilder("Run " + a.id() + " (A) → run " + b.id() + " (B): ")
        .append(d.same() ? "nothing differs" : n + (n == 1 ? " difference" : " differences")).append("\n");
    List<String> same = new ArrayList<>();
    StringBuilder differing = new StringBuilder();
    for (RunDifference.Aspect aspect : RunDifference.Aspect.values()) {
      List<RunDifference> of = d.of(aspect);
      if (of.isEmpty()) {
        same.add(aspect.label());
        continue;
      }
      String title = aspect.label().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + aspect.label().substring(1);
      differing.append("\n").append(title).append(" (").append(of.size()).append("):\n");
      for (RunDifference x : of) {
        differing.append("  ").append(x.path()).append(": ").append(x.a()).append(" vs ").append(x.b()).append("\n");
      }
    }
    if (!same.isEmpty()) {
      sb.append("Same: ").append(String.join(", ", same)).append("\n");
    }
    return sb.append(differing).toString();
  }

  /**
   * For Compare: what differed between the first run and each other one ({@link #diff}), so a
   * gap between curves can be traced to the recipe, the data, the code or the machine.
   */
  public static String diffsFromFirst(List<RunRow> runs) {
    if (runs.size() < 2) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (RunRow other : runs.subList(1, runs.size())) {
      parts.add(diff(runs.get(0), other));
    }
    return String.join("\n", parts);
  }

  private static String pretty(String json) {
    try {
      ObjectMapper m = Json.mapper();
      return m.writerWithDefaultPrettyPrinter().writeValueAsString(m.readTree(json));
    } catch (Exception e) {
      return json;
    }
  }

  /** Every run, unfiltered. */
  public ObservableList<RunRow> rows() {
    return rows;
  }

  /** The runs matching the filter. */
  public ObservableList<RunRow> filtered() {
    return filtered;
  }

  public StringProperty filterProperty() {
    return filter;
  }

  /** Last outcome of an action, for the status line. */
  public StringProperty messageProperty() {
    return message;
  }
}
