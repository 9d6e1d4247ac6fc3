package io.maskocr.engine.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.infer.Recognizer;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.Prediction;
import io.maskocr.engine.store.QueueFilter;
import io.maskocr.engine.store.QueueItem;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batched, cancellable, resumable prediction of a dataset or a selection. */
class PredictionJobTest {
  @TempDir Path dir;

  @Test
  void predictsInBatchesAndAResumedJobSkipsWhatIsDone() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      Dataset d = ws.datasets().create("w");
      List<String> words = IntStream.range(0, 70).mapToObj(i -> "w" + i).toList();
      AnnotateFixtures.addWords(ws, d.id(), words, Split.TRAIN, false);
      String key = AnnotateFixtures.microCheckpoint(ws);
      try (Recognizer r = Recognizer.load(WorkspaceCheckpoints.require(ws, key).directory())) {
        assertEquals(key, r.checkpointId());
        AtomicInteger batches = new AtomicInteger();
        // cancel after the first batch of 64
        PredictionSummary first = new PredictionJob(ws, r).run(PredictionTarget.dataset(d.id()), null,
            () -> batches.getAndIncrement() >= 1);
        assertTrue(first.cancelled());
        assertEquals(Recognizer.BATCH, first.predicted());
        List<long[]> progress = new ArrayList<>();
        PredictionSummary second = new PredictionJob(ws, r).run(PredictionTarget.dataset(d.id()),
            (done, total) -> progress.add(new long[] {done, total}), null);
        assertFalse(second.cancelled());
        assertEquals(70 - Recognizer.BATCH, second.predicted());
        assertEquals(Recognizer.BATCH, second.alreadyDone());
        assertEquals(70, progress.get(progress.size() - 1)[0]);
        assertEquals(70, ws.predictions().count(d.id(), key));
        List<QueueItem> q = ws.predictions().queue(QueueFilter.all(d.id(), key), null, 100);
        assertEquals(70, q.size());
        for (int i = 1; i < q.size(); i++) {
          assertTrue(q.get(i - 1).prediction().confidence() <= q.get(i).prediction().confidence());
        }
        Prediction p = q.get(0).prediction();
        assertEquals(p.text().codePointCount(0, p.text().length()), p.charProbs().length,
            "one stored probability per predicted character");
      }
    }
  }

  @Test
  void aSelectionPredictsOnlyItsSamples() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      Dataset d = ws.datasets().create("w");
      List<Sample> s = AnnotateFixtures.addWords(ws, d.id(), List.of("a", "bb", "ccc"), Split.TRAIN, false);
      String key = AnnotateFixtures.microCheckpoint(ws);
      try (Recognizer r = Recognizer.load(WorkspaceCheckpoints.require(ws, key).directory())) {
        PredictionSummary sum = new PredictionJob(ws, r).run(
            PredictionTarget.selection(d.id(), List.of(s.get(0).id(), s.get(2).id())), null, null);
        assertEquals(2, sum.predicted());
        assertTrue(ws.predictions().get(s.get(1).id(), key).isEmpty());
      }
    }
  }
}
