package io.maskocr.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceCopyTest {
  @TempDir Path dir;

  @Test
  void aRoundTripThroughPostgresqlKeepsEveryHistoryEntryPredictionRunAndImage() throws Exception {
    Snapshot original;
    try (Workspace ws = Backend.SQLITE.open(dir.resolve("solo"))) {
      fill(ws);
      original = Snapshot.of(ws);
    }
    try (Workspace solo = Workspace.open(dir.resolve("solo"));
        Workspace team = Backend.POSTGRESQL.open(dir.resolve("team"))) {
      CopyReport r = WorkspaceCopy.copy(solo, team, line -> { });
      assertTrue(r.ok(), r.toString());
      assertEquals(3, r.images());
      assertEquals(original, Snapshot.of(team));
      assertTrue(Files.exists(dir.resolve("team/runs/1/ckpt/model.params")));
      assertEquals(1, r.tables().stream().filter(t -> t.table().equals("published_checkpoints"))
          .findFirst().orElseThrow().targetRows());
      assertThrows(StoreException.class, () -> WorkspaceCopy.copy(solo, team, line -> { }), "target not empty");
    }
    try (Workspace team = Workspace.open(dir.resolve("team"));
        Workspace back = Backend.SQLITE.open(dir.resolve("back"))) {
      CopyReport r = WorkspaceCopy.copy(team, back, line -> { });
      assertTrue(r.ok(), r.toString());
      assertEquals(original, Snapshot.of(back));
      // new rows continue after the copied ids on both back ends
      long sample = back.samples().page(SampleQuery.of(back.datasets().require("d").id(), 1)).get(0).id();
      LabelEntry next = back.labels().append(new NewLabel(sample, "after", "me", LabelSource.HUMAN));
      assertTrue(next.id() > original.history().stream().mapToLong(LabelEntry::id).max().orElseThrow());
      LabelEntry onTeam = team.labels().append(new NewLabel(sample, "after", "me", LabelSource.HUMAN));
      assertEquals(next.id(), onTeam.id());
    }
  }

  private static void fill(Workspace ws) throws Exception {
    Dataset d = ws.datasets().create("d");
    List<Long> ids = StoreFixtures.addSamples(ws, d.id(), 3, "x");
    long a = ids.get(0);
    ws.labels().append(new NewLabel(a, "second 'one'\\", "ana", LabelSource.HUMAN));
    ws.labels().append(new NewLabel(a, "", "ana", LabelSource.HUMAN, LabelKind.ILLEGIBLE));
    long seen = ws.labels().current(ids.get(1)).orElseThrow().id();
    ws.labels().save(new NewLabel(ids.get(1), "ben", "ben", LabelSource.HUMAN), seen, null);
    ws.labels().save(new NewLabel(ids.get(1), "cy", "cy", LabelSource.HUMAN), seen, null); // a conflict entry
    ws.labels().append(new NewLabel(ids.get(2), "", "ana", LabelSource.HUMAN, LabelKind.CLEARED));
    ws.predictions().insertBatch(List.of(
        new Prediction(a, "ck", "x0", 0.25, new float[] {0.5f, 0.125f}),
        new Prediction(ids.get(1), "ck", "x1", 0.75, null)));
    RunRecord run = ws.runs().create(new NewRun("r", "{\"a\":1}", 7, "{}", "abc", "box", List.of("t1", "t2"), "n"));
    ws.runs().setStatus(run.id(), RunStatus.RUNNING);
    ws.runs().addMetrics(List.of(new MetricPoint(run.id(), "s", 1, "loss", 2.5),
        new MetricPoint(run.id(), "s", 2, "loss", 1.0 / 3), new MetricPoint(run.id(), "s", 2, "acc", 0.1)));
    CheckpointRecord ckpt = ws.runs().addCheckpoint(run.id(), "s", 2, "runs/1/ckpt", "{\"acc\":0.1}");
    Files.createDirectories(ws.runs().dir(run.id()).resolve("ckpt"));
    Files.write(ws.runs().dir(run.id()).resolve("ckpt/model.params"), new byte[] {1, 2, 3});
    ws.published().publish(ckpt, "box");
  }

  /** Everything a user could see of a workspace, comparable across back ends. */
  record Snapshot(List<Sample> samples, List<LabelEntry> history, List<Object> predictions, List<RunRecord> runs,
      List<MetricPoint> metrics, List<CheckpointRecord> checkpoints, List<String> images) {
    static Snapshot of(Workspace ws) throws Exception {
      Dataset d = ws.datasets().require("d");
      List<Sample> samples = ws.samples().page(SampleQuery.of(d.id(), 100));
      List<LabelEntry> history = new ArrayList<>();
      List<Object> predictions = new ArrayList<>();
      List<String> images = new ArrayList<>();
      for (Sample s : samples) {
        history.addAll(ws.labels().history(s.id()));
        ws.predictions().get(s.id(), "ck").ifPresent(p ->
            predictions.add(List.of(p.sampleId(), p.text(), p.confidence(), java.util.Arrays.toString(p.charProbs()))));
        images.add(StoreFixtures.sha256(ws.images().bytes(s)));
      }
      List<RunRecord> runs = ws.runs().list();
      List<MetricPoint> metrics = ws.runs().metrics(runs.get(0).id(), null);
      return new Snapshot(samples, history, predictions, runs, metrics, ws.runs().checkpoints(runs.get(0).id()), images);
    }
  }

  @Test
  void charProbabilitiesSurviveByteForByte() throws Exception {
    try (Workspace ws = Backend.POSTGRESQL.open(dir.resolve("p"))) {
      Dataset d = ws.datasets().create("d");
      long id = StoreFixtures.addSamples(ws, d.id(), 1, "p").get(0);
      float[] probs = {Float.MIN_VALUE, 1f, 0.3333333f};
      ws.predictions().insertBatch(List.of(new Prediction(id, "ck", "p", 0.5, probs)));
      assertArrayEquals(probs, ws.predictions().get(id, "ck").orElseThrow().charProbs());
    }
  }
}
