package io.maskocr.app.ui.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.store.MetricSummary;
import io.maskocr.engine.store.RunRecord;
import io.maskocr.engine.store.RunStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunRowTest {
  static RunRecord run(long id, String name, List<String> tags) {
    return new RunRecord(id, name, "{}", 1, "{}", "abc", "linux", RunStatus.COMPLETED, Instant.EPOCH,
        Instant.ofEpochSecond(10), Instant.ofEpochSecond(75), tags, "notes here");
  }

  @Test
  void bestIsTheLowestLossAndTheHighestAccuracyNotTheLastValue() {
    RunRow r = RunRow.of(run(3, "a", List.of()), "quick", "tiny", List.of(
        new MetricSummary(3, "accuracy", 0.2, 0.7, 0.6, 30),
        new MetricSummary(3, "loss", 0.5, 2.0, 0.9, 30),
        new MetricSummary(4, "lr", 0.1, 0.1, 0.1, 99)));
    assertEquals(0.5, r.bestOf("loss"));
    assertEquals(0.9, r.lastOf("loss"));
    assertEquals(0.7, r.bestOf("accuracy"));
    assertEquals(0.6, r.lastOf("accuracy"));
    assertEquals(30, r.lastStep());
    assertTrue(Double.isNaN(r.bestOf("lr")));
    assertEquals(65, r.duration(Instant.now()).toSeconds());
  }

  @Test
  void theFilterMatchesEveryWordInNameStatusRecipeTagsOrNotes() {
    RunRow r = RunRow.of(run(12, "MIM baseline", List.of("cpu", "ablation")), "maskocr-cpu", "tiny", List.of());
    assertTrue(r.matches(""));
    assertTrue(r.matches("baseline ablation"));
    assertTrue(r.matches("completed maskocr"));
    assertTrue(r.matches("12"));
    assertFalse(r.matches("baseline gpu"));
  }

  @Test
  void theDiffNamesChangedAddedAndRemovedValuesByPath() {
    List<String> d = RecipeDiff.diff(
        "{\"seed\":1,\"stages\":[{\"type\":\"mim\",\"lr\":0.001}],\"old\":true}",
        "{\"seed\":2,\"stages\":[{\"type\":\"mim\",\"lr\":0.002},{\"type\":\"finetune\"}]}");
    assertEquals(List.of("- old: true", "~ seed: 1 → 2", "~ stages[0].lr: 0.001 → 0.002",
        "+ stages[1].type: \"finetune\""), d);
    assertEquals(List.of(), RecipeDiff.diff("{\"a\":[1,2]}", "{\"a\":[1,2]}"));
  }

  @Test
  void theComparisonTableHasBestAndFinalOfEachMetricPerRunAndExportsAsCsv() {
    RunRow a = RunRow.of(run(1, "a", List.of()), "q", "tiny", List.of(new MetricSummary(1, "loss", 1.5, 1.5, 1.5, 5)));
    RunRow b = RunRow.of(run(2, "b, c", List.of()), "q", "tiny", List.of(new MetricSummary(2, "loss", 0.25, 0.25, 0.25, 5)));
    List<List<String>> t = Curves.table(List.of(a, b));
    assertEquals(List.of("metric", "#1 a", "#2 b, c"), t.get(0));
    assertEquals(List.of("loss best", "1.5000", "0.2500"), t.get(1));
    assertEquals(List.of("steps", "5", "5"), t.get(t.size() - 1));
    String csv = Curves.csv(t);
    assertTrue(csv.startsWith("metric,#1 a,\"#2 b, c\"\r\nloss best,1.5000,0.2500\r\n"), csv);
  }
}
