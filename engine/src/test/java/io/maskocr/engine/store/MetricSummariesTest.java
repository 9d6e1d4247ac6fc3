package io.maskocr.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass
@EnumSource(Backend.class)
class MetricSummariesTest {
  @Parameter Backend backend;

  @TempDir Path dir;

  private static RunRecord newRun(Workspace ws, String name) {
    return ws.runs().create(new NewRun(name, "{}", 1, "{}", "abc", "linux", List.of(), ""));
  }

  @Test
  void lowestHighestLastAndLastStepPerRunAndMetricLeavingOutInfiniteValues() {
    try (Workspace ws = backend.open(dir)) {
      RunRecord a = newRun(ws, "a");
      RunRecord b = newRun(ws, "b");
      ws.runs().addMetrics(List.of(
          new MetricPoint(a.id(), "mim", 10, "loss", 2.0),
          new MetricPoint(a.id(), "mim", 20, "loss", 0.5),
          new MetricPoint(b.id(), "mim", 5, "loss", 7.0),
          new MetricPoint(a.id(), "finetune", 30, "loss", 0.9),
          new MetricPoint(a.id(), "finetune", 40, "loss", Double.POSITIVE_INFINITY),
          new MetricPoint(a.id(), "finetune", 30, "accuracy", 0.6)));
      assertEquals(List.of(
              new MetricSummary(a.id(), "accuracy", 0.6, 0.6, 0.6, 30),
              new MetricSummary(a.id(), "loss", 0.5, 2.0, 0.9, 30),
              new MetricSummary(b.id(), "loss", 7.0, 7.0, 7.0, 5)),
          ws.runs().metricSummaries());
    }
  }

  @Test
  void aRunOfOneHundredThousandStepsIsSummedUpWithoutLoadingItsPoints() {
    int steps = 100_000;
    try (Workspace ws = backend.open(dir)) {
      RunRecord r = newRun(ws, "long");
      List<MetricPoint> batch = new ArrayList<>();
      for (int s = 1; s <= steps; s++) {
        batch.add(new MetricPoint(r.id(), "mim", s, "loss", 1.0 + Math.sin(s) + (s == 77_777 ? -5 : 0)));
        batch.add(new MetricPoint(r.id(), "mim", s, "accuracy", s / (double) steps));
        if (batch.size() == 20_000) {
          ws.runs().addMetrics(batch);
          batch.clear();
        }
      }
      ws.runs().metricSummaries(); // warm the connection and page cache like a table refresh after the first
      long t0 = System.nanoTime();
      List<MetricSummary> sums = ws.runs().metricSummaries();
      double summaryMs = (System.nanoTime() - t0) / 1e6;
      t0 = System.nanoTime();
      int points = ws.runs().metrics(r.id(), null).size();
      double pointsMs = (System.nanoTime() - t0) / 1e6;
      System.out.printf(Locale.ROOT, "runs-table summary of %d points: %.1f ms in SQL vs %.1f ms loading the points%n",
          points, summaryMs, pointsMs);

      MetricSummary loss = sums.stream().filter(m -> m.name().equals("loss")).findFirst().orElseThrow();
      assertEquals(1.0 + Math.sin(77_777) - 5, loss.lowest(), 1e-12);
      assertEquals(1.0 + Math.sin(steps), loss.last(), 1e-12);
      assertEquals(steps, loss.lastStep());
      // Generous bound for a shared 2-core machine; typically a few tens of ms.
      assertTrue(summaryMs < 2_000, "summary took " + summaryMs + " ms");
    }
  }
}
