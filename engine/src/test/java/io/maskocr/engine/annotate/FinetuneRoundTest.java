package io.maskocr.engine.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.infer.Recognizer;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.LabelSource;
import io.maskocr.engine.store.NewLabel;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One active-learning round end to end on a micro model (a few steps). */
class FinetuneRoundTest {
  @TempDir Path dir;

  @Test
  void fineTunesFromTheCheckpointScoresValAndRepredictsTheDataset() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      Dataset d = ws.datasets().create("words");
      List<String> train = IntStream.range(0, 16).mapToObj(i -> "ab" + i).toList();
      AnnotateFixtures.addWords(ws, d.id(), train, Split.TRAIN, true);
      AnnotateFixtures.addWords(ws, d.id(), List.of("x1", "x2", "x3"), Split.TRAIN, false);
      AnnotateFixtures.addWords(ws, d.id(), List.of("v1", "v2", "v3", "v4"), Split.VAL, true);
      String base = AnnotateFixtures.microCheckpoint(ws);
      FinetuneRequest req = new FinetuneRequest(base, "words", 4, 8, 1e-3, 0, 3);
      FinetuneOutcome out = new FinetuneRound(ws).run(req, null, null);
      assertEquals(16, out.trainCount(), "only labelled train images are trained on");
      assertEquals(4, out.valCount());
      assertTrue(out.valAccuracyBefore() >= 0 && out.valAccuracyAfter() <= 1);
      assertNotEquals(base, out.checkpoint());
      assertEquals(out.runId() + "@4", out.checkpoint(), "no worse on val (an untrained base reads nothing): kept");
      assertEquals(List.of("every dataset's train split"), out.replay(), "the base's data is mixed in");
      assertEquals(23, ws.predictions().count(d.id(), out.checkpoint()), "the whole dataset is re-predicted");
      assertFalse(out.stopped());
      assertEquals(out.checkpoint(), WorkspaceCheckpoints.newest(ws).orElseThrow().key());
    }
  }

  @Test
  void aRoundThatScoresWorseOnValKeepsTheBaseAndReportsBothFigures() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      Dataset d = ws.datasets().create("words");
      AnnotateFixtures.addWords(ws, d.id(), IntStream.range(0, 16).mapToObj(i -> "ab" + i).toList(), Split.TRAIN, true);
      List<Sample> val = AnnotateFixtures.addWords(ws, d.id(), List.of("v1", "v2", "v3", "v4"), Split.VAL, false);
      String base = AnnotateFixtures.microCheckpoint(ws);
      // label the val images with what the base reads: it scores 100%, so any change is worse
      try (Recognizer r = Recognizer.load(WorkspaceCheckpoints.require(ws, base).directory())) {
        new PredictionJob(ws, r).run(PredictionTarget.dataset(d.id()), null, null);
      }
      for (Sample s : val) {
        ws.labels().append(new NewLabel(s.id(), ws.predictions().get(s.id(), base).orElseThrow().text(), "test",
            LabelSource.HUMAN));
      }
      // a far too high rate on other words: the micro model reads the val images differently
      FinetuneOutcome out = new FinetuneRound(ws).run(new FinetuneRequest(base, "words", 8, 8, 3e-2, 0, 3), null, null);
      assertEquals(1.0, out.valAccuracyBefore());
      assertTrue(out.valAccuracyAfter() < 1.0, "the round was expected to change the readings");
      assertFalse(out.keptNew());
      assertEquals(base, out.checkpoint(), "the queue stays on the base");
      assertEquals(out.runId() + "@8", out.trained(), "the new run is recorded all the same");
      assertEquals(0, ws.predictions().count(d.id(), out.trained()), "no re-prediction with the worse model");
      assertNull(out.repredicted());
    }
  }

  @Test
  void aDatasetWithoutLabelledTrainImagesIsRefusedClearly() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      Dataset d = ws.datasets().create("raw");
      AnnotateFixtures.addWords(ws, d.id(), List.of("a1"), Split.TRAIN, false);
      String base = AnnotateFixtures.microCheckpoint(ws);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new FinetuneRound(ws).run(FinetuneRequest.quick(base, "raw"), null, null));
      assertTrue(e.getMessage().contains("no labelled train images"), e.getMessage());
    }
  }
}
