package io.maskocr.app.ui.experiments;

import io.maskocr.engine.store.MetricPoint;
import io.maskocr.engine.store.Workspace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Learning curves of runs for comparison, aligned by step or by training time. */
final class Curves {
  /**
   * One run's curve.
   *
   * @param label legend text
   * @param x steps or seconds
   * @param y metric values
   */
  record Curve(long runId, String label, double[] x, double[] y) {}

  private Curves() {}

  /**
   * Loads {@code metric} of each run.
   *
   * @param byTime x = seconds of training (from the recorded {@code elapsed_s}); points without
   *     a time are left out
   */
  static List<Curve> load(Workspace w, List<RunRow> runs, String metric, boolean byTime) {
    List<Curve> out = new ArrayList<>();
    for (RunRow r : runs) {
      List<MetricPoint> pts = w.runs().metrics(r.id(), metric);
      Map<Long, Double> time = new HashMap<>();
      if (byTime) {
        for (MetricPoint p : w.runs().metrics(r.id(), Metric.ELAPSED)) {
          time.put(p.step(), p.value());
        }
      }
      double[] x = new double[pts.size()];
      double[] y = new double[pts.size()];
      int n = 0;
      for (MetricPoint p : pts) {
        Double t = byTime ? time.get(p.step()) : Double.valueOf(p.step());
        if (t != null) {
          x[n] = t;
          y[n] = p.value();
          n++;
        }
      }
      out.add(new Curve(r.id(), "#" + r.id() + " " + r.name(), java.util.Arrays.copyOf(x, n),
          java.util.Arrays.copyOf(y, n)));
    }
    return out;
  }

  /** The side-by-side table: one row per metric and kind (best, final), one column per run. */
  static List<List<String>> table(List<RunRow> runs) {
    List<List<String>> rows = new ArrayList<>();
    List<String> head = new ArrayList<>();
    head.add("metric");
    runs.forEach(r -> head.add("#" + r.id() + " " + r.name()));
    rows.add(head);
    for (String m : Metric.SHOWN) {
      for (String kind : List.of("best", "final")) {
        List<String> row = new ArrayList<>();
        row.add(m + " " + kind);
        for (RunRow r : runs) {
          double v = kind.equals("best") ? r.bestOf(m) : r.lastOf(m);
          row.add(Double.isNaN(v) ? "" : RunsView.format(v));
        }
        rows.add(row);
      }
    }
    for (String m : Metric.EVAL) {
      List<String> row = new ArrayList<>();
      row.add(Metric.evalTitle(m));
      for (RunRow r : runs) {
        double v = r.lastOf(m);
        row.add(Double.isNaN(v) ? "" : RunsView.format(v));
      }
      rows.add(row);
    }
    List<String> steps = new ArrayList<>();
    steps.add("steps");
    runs.forEach(r -> steps.add(Long.toString(r.lastStep())));
    rows.add(steps);
    return rows;
  }

  /** RFC 4180 CSV of a table. */
  static String csv(List<List<String>> table) {
    StringBuilder sb = new StringBuilder();
    for (List<String> row : table) {
      for (int i = 0; i < row.size(); i++) {
        String c = row.get(i);
        sb.append(i == 0 ? "" : ",")
            .append(c.contains(",") || c.contains("\"") || c.contains("\n") ? "\"" + c.replace("\"", "\"\"") + "\"" : c);
      }
      sb.append("\r\n");
    }
    return sb.toString();
  }
}
