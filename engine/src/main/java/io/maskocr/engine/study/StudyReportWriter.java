package io.maskocr.engine.study;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a study into a folder: {@code report.md} (tables + interpretation hints),
 * {@code results.csv} (one row per run) and {@code accuracy.png} (accuracy against labelled
 * share, one line per recipe).
 */
public final class StudyReportWriter {
  private StudyReportWriter() {}

  /** Writes the three files into {@code dir} (created) and returns the Markdown file. */
  public static Path write(StudyReport report, Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("results.csv"), csv(report), StandardCharsets.UTF_8);
    StudyPlot.write(report, dir.resolve("accuracy.png"));
    Path md = dir.resolve("report.md");
    Files.writeString(md, markdown(report), StandardCharsets.UTF_8);
    return md;
  }

  /** One header line and one line per run. */
  public static String csv(StudyReport r) {
    StringBuilder sb = new StringBuilder(
        "recipe,fraction,labelled,run_id,stage_steps,train_seconds,completed,accuracy36,accuracy_full,one_minus_ned,tested,error\n");
    for (StudyRow x : r.rows()) {
      sb.append(String.join(",", x.recipe(), num(x.fraction()), Integer.toString(x.labelled()),
          Long.toString(x.runId()), quote(String.join("; ", x.stageSteps())), num(x.trainSeconds()),
          Boolean.toString(x.completed()), num(x.accuracy36()), num(x.accuracyFull()), num(x.oneMinusNed()),
          Integer.toString(x.tested()), quote(x.error() == null ? "" : x.error()))).append('\n');
    }
    return sb.toString();
  }

  /** The Markdown report. */
  public static String markdown(StudyReport r) {
    StudyConfig c = r.config();
    StringBuilder sb = new StringBuilder();
    sb.append("# Low-label study: ").append(c.dataset()).append("\n\n");
    sb.append("- Command: `").append(r.command()).append("`\n");
    sb.append("- Machine: ").append(r.machine()).append("\n");
    sb.append("- Engine threads: ").append(r.threads()).append(" (intra-op; set with --threads or MASKOCR_THREADS)\n");
    sb.append("- Budget: ").append(c.budget()).append("; seed ").append(c.seed()).append("\n");
    sb.append("- Data: ").append(r.trainImages()).append(" labelled train images (subsets nested, same for every recipe), ")
        .append(r.testImages()).append(" test images\n");
    sb.append("- Started ").append(r.startedAt()).append(", finished ").append(r.finishedAt()).append("\n");
    List<String> costs = new ArrayList<>();
    for (Map.Entry<String, Double> e : r.secondsPerStep().entrySet()) {
      costs.add(e.getKey() + " " + String.format(Locale.ROOT, "%.3f", e.getValue()));
    }
    sb.append("- Measured seconds per step: ").append(costs.isEmpty() ? "not measured (step budget; see train s "
        + "per run below)" : String.join(", ", costs)).append("\n\n");
    sb.append("## Test word accuracy (36-symbol protocol)\n\n| recipe |");
    for (double f : c.fractions()) {
      sb.append(' ').append(pct(f)).append(" labels |");
    }
    sb.append("\n|---|");
    sb.append("---:|".repeat(c.fractions().size())).append('\n');
    for (String recipe : recipeNames(r)) {
      sb.append("| ").append(recipe).append(" |");
      for (double f : c.fractions()) {
        StudyRow x = find(r, recipe, f);
        sb.append(' ').append(x == null ? "-" : x.error() != null ? "failed" : pct(x.accuracy36())
            + (x.completed() ? "" : "*")).append(" |");
      }
      sb.append('\n');
    }
    sb.append("\n`*` = stopped by the time cap before its last step (evaluated as it was).\n\n");
    sb.append("![accuracy](accuracy.png)\n\n## Every run\n\n");
    sb.append("| recipe | labels | images | run | steps | train s | acc36 | acc full | 1-NED |\n");
    sb.append("|---|---:|---:|---:|---|---:|---:|---:|---:|\n");
    for (StudyRow x : r.rows()) {
      sb.append("| ").append(x.recipe()).append(" | ").append(pct(x.fraction())).append(" | ").append(x.labelled())
          .append(" | ").append(x.runId()).append(" | ").append(String.join(", ", x.stageSteps())).append(" | ")
          .append(String.format(Locale.ROOT, "%.0f", x.trainSeconds())).append(" | ")
          .append(x.error() != null ? "failed: " + x.error() : pct(x.accuracy36())).append(" | ")
          .append(pct(x.accuracyFull())).append(" | ").append(num(x.oneMinusNed())).append(" |\n");
    }
    return sb.toString();
  }

  static List<String> recipeNames(StudyReport r) {
    return r.rows().stream().map(StudyRow::recipe).distinct().toList();
  }

  static StudyRow find(StudyReport r, String recipe, double fraction) {
    return r.rows().stream().filter(x -> x.recipe().equals(recipe) && x.fraction() == fraction).findFirst().orElse(null);
  }

  /** A share as a percentage, e.g. {@code 12.5%} ({@code -} for NaN). */
  public static String pct(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f%%", v * 100).replace(".0%", "%");
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
  }

  private static String quote(String s) {
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
