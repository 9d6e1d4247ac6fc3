package io.maskocr.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass
@EnumSource(Backend.class)
class PredictionsTest {
  @Parameter Backend backend;

  @TempDir Path dir;

  @Test
  void queueIsLowestConfidenceFirstAndKeysetPagesMatchOffsetPages() throws Exception {
    try (Workspace ws = backend.open(dir)) {
      Dataset d = ws.datasets().create("d");
      Dataset other = ws.datasets().create("other");
      List<Long> ids = StoreFixtures.addSamples(ws, d.id(), 50, "s");
      List<Long> otherIds = StoreFixtures.addSamples(ws, other.id(), 5, "o");
      Random r = new Random(1);
      List<Prediction> ps = new ArrayList<>();
      for (long id : ids) {
        double conf = r.nextInt(10) / 10.0; // many ties: order must fall back to sample id
        ps.add(new Prediction(id, "ck1", "t" + id, conf, new float[] {(float) conf}));
        ps.add(new Prediction(id, "ck0", "old", 0.0, null));
      }
      for (long id : otherIds) {
        ps.add(new Prediction(id, "ck1", "x", -1, null));
      }
      ws.predictions().insertBatch(ps);

      List<QueueItem> byOffset = new ArrayList<>();
      for (int off = 0; off < 50; off += 7) {
        byOffset.addAll(ws.predictions().lowestConfidence(d.id(), "ck1", off, 7));
      }
      List<QueueItem> byKeyset = new ArrayList<>();
      QueueItem last = null;
      while (true) {
        List<QueueItem> page = ws.predictions().lowestConfidence(d.id(), "ck1", last, 7);
        if (page.isEmpty()) {
          break;
        }
        byKeyset.addAll(page);
        last = page.get(page.size() - 1);
      }
      assertEquals(50, byKeyset.size());
      assertEquals(ids(byOffset), ids(byKeyset));
      for (int i = 1; i < byKeyset.size(); i++) {
        Prediction a = byKeyset.get(i - 1).prediction();
        Prediction b = byKeyset.get(i).prediction();
        boolean ordered =
            a.confidence() < b.confidence() || (a.confidence() == b.confidence() && a.sampleId() < b.sampleId());
        assertEquals(true, ordered, "order at " + i);
        assertEquals(d.id(), byKeyset.get(i).sample().datasetId());
      }
      QueueItem first = byKeyset.get(0);
      assertArrayEquals(new float[] {(float) first.prediction().confidence()}, first.prediction().charProbs());
      assertEquals(List.of("ck0", "ck1").size(), ws.predictions().checkpoints(d.id()).size());
    }
  }

  @Test
  void predictingAgainWithTheSameCheckpointReplaces() throws Exception {
    try (Workspace ws = backend.open(dir)) {
      Dataset d = ws.datasets().create("d");
      long id = StoreFixtures.addSamples(ws, d.id(), 1, "s").get(0);
      ws.predictions().insertBatch(List.of(new Prediction(id, "ck", "a", 0.2, new float[] {0.2f})));
      ws.predictions().insertBatch(List.of(new Prediction(id, "ck", "b", 0.9, new float[] {0.9f})));
      assertEquals(1, ws.predictions().count(d.id(), "ck"));
      assertEquals("b", ws.predictions().get(id, "ck").orElseThrow().text());
      assertThrows(
          StoreException.class,
          () -> ws.predictions().insertBatch(List.of(new Prediction(424242, "ck", "a", 0.2, null))));
    }
  }

  private static List<Long> ids(List<QueueItem> items) {
    return items.stream().map(q -> q.sample().id()).toList();
  }
}
