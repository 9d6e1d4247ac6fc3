package io.maskocr.app.ui.experiments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the study reports {@code maskocr study lowlabel} (or the Studies tab) writes under
 * {@code <workspace>/studies/}: one folder per study holding {@code results.csv},
 * {@code accuracy.png} and {@code report.md}. Plain file reading, called off the UI thread.
 */
final class StudyReports {
  private StudyReports() {}

  /**
   * One line of {@code results.csv}, as written by {@code StudyReportWriter.csv}.
   *
   * @param recipe recipe name
   * @param fraction labelled share of the train split
   * @param labelled labelled images used
   * @param runId workspace run id
   * @param steps steps per stage
   * @param trainSeconds training time
   * @param completed false when the time cap stopped the run
   * @param accuracy36 test word accuracy, 36-symbol protocol (NaN when failed)
   * @param accuracyFull case-sensitive test word accuracy
   * @param oneMinusNed test mean 1-NED
   * @param error why the run failed ("" when it did not)
   */
  record Row(String recipe, double fraction, int labelled, long runId, String steps, double trainSeconds,
      boolean completed, double accuracy36, double accuracyFull, double oneMinusNed, String error) {}

  /** The study folders (those holding a {@code results.csv}), newest first; empty when none. */
  static List<Path> list(Path workspaceRoot) throws IOException {
    Path dir = workspaceRoot.resolve("studies");
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("results.csv")))
          .sorted(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed()).toList();
    }
  }

  /** The rows of {@code <study>/results.csv}; a malformed line is reported with its number. */
  static List<Row> read(Path study) throws IOException {
    Path csv = study.resolve("results.csv");
    List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> f = fields(lines.get(i));
      try {
        rows.add(new Row(f.get(0), number(f.get(1)), Integer.parseInt(f.get(2)), Long.parseLong(f.get(3)), f.get(4),
            number(f.get(5)), Boolean.parseBoolean(f.get(6)), number(f.get(7)), number(f.get(8)), number(f.get(9)),
            f.size() > 11 ? f.get(11) : ""));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(csv + " line " + (i + 1) + " is not a study result row (" + e.getMessage()
            + "); re-run the study or delete the folder", e);
      }
    }
    return rows;
  }

  private static double number(String s) {
    return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }

  /** Splits one CSV line; fields may be double-quoted with {@code ""} for a quote. */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }
}
