package io.maskocr.engine.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's pipeline at toy size: every figure is present and in range. */
class AnnotationBenchmarkTest {
  @TempDir Path dir;

  @Test
  void reportsBothOrderingsAndLeavesTheReviewUndone() throws Exception {
    List<String> log = new ArrayList<>();
    AnnotationBenchmark.Config c = new AnnotationBenchmark.Config(24, 20, 6, 5, 3, 2, 8, AnnotateFixtures.MICRO, 3, "words", 0, null);
    Map<String, Object> r = AnnotationBenchmark.run(c, dir, log::add);
    for (String key : List.of("errors_per_100_reviewed_uncertainty", "errors_per_100_reviewed_random",
        "val_accuracy_after_finetune_uncertainty", "val_accuracy_after_finetune_random")) {
      double v = ((Number) r.get(key)).doubleValue();
      assertTrue(v >= 0 && v <= 100, key + " = " + v);
    }
    assertTrue(r.containsKey("ratio"));
    assertEquals(5, r.get("k"));
    try (Workspace ws = Workspace.open(dir.resolve("workspace"))) {
      assertEquals(3, ws.runs().list().size(), "base run and one fine-tune run per ordering");
      long d = ws.datasets().list().get(0).id();
      io.maskocr.engine.store.QueueCounts pool = ws.predictions().queueCounts(
          io.maskocr.engine.store.QueueFilter.all(d, "1@3"));
      assertEquals(20, pool.total(), "the base checkpoint predicted the pool");
      assertEquals(0, pool.labelled() + pool.reviewed(), "the simulated review was undone after each round");
    }
    assertTrue(log.stream().anyMatch(l -> l.startsWith("fine-tuning on the random review")), log.toString());
  }

  @Test
  void kLargerThanThePoolIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new AnnotationBenchmark.Config(10, 5, 5, 6, 1, 1, 8, AnnotateFixtures.MICRO, 1, "digits", 0, null));
    assertTrue(e.getMessage().contains("--k"), e.getMessage());
  }
}
