package io.maskocr.engine.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

/**
 * Writes the stored workspace fixtures under {@code src/test/resources/fixtures/}: a workspace
 * at today's schema made through today's API, and one at schema 3 made with that version's own
 * SQL, as a release of that time would have written it. Once checked in, a fixture is never
 * rewritten: it stands for files users have on disk. A new schema version adds a new fixture
 * ({@link #writeCurrent} into {@code workspace-v<n>}); {@link StoredWorkspacesTest} asks for it.
 */
final class StoredWorkspaces {
  private StoredWorkspaces() {}

  /** The folder of the fixture at schema {@code version}, under the test resources. */
  static String folder(int version) {
    return "fixtures/workspace-v" + version;
  }

  /**
   * Today's schema: dataset {@code words} with 4 samples (3 train, 1 val) and their images;
   * sample 1 imported as "hello" and corrected to "hallo", sample 2 imported "x" then marked
   * illegible, sample 3 imported "world", sample 4 unlabelled; one prediction; one completed run
   * with loss and accuracy points and a checkpoint row.
   */
  static void writeCurrent(Path dir) throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      long d = ws.datasets().getOrCreate("words").id();
      List<NewSample> batch = new java.util.ArrayList<>();
      String[] labels = {"hello", "x", "world", null};
      for (int i = 0; i < labels.length; i++) {
        byte[] png = StoreFixtures.png(100 + i, 24, 8);
        String sha = StoreFixtures.sha256(png);
        ws.images().put(sha, "png", png);
        batch.add(new NewSample(sha, "png", 24, 8, "w" + i + ".png", i == 3 ? Split.VAL : Split.TRAIN, labels[i]));
      }
      ws.samples().addBatch(d, batch, "fixture import");
      List<Sample> samples = ws.samples().page(SampleQuery.of(d, 10));
      ws.labels().append(new NewLabel(samples.get(0).id(), "hallo", "ann", LabelSource.HUMAN));
      ws.labels().append(new NewLabel(samples.get(1).id(), "", "ann", LabelSource.HUMAN, LabelKind.ILLEGIBLE));
      ws.predictions().insertBatch(List.of(
          new Prediction(samples.get(2).id(), "1@20", "wor1d", 0.25, new float[] {0.9f, 0.8f, 0.7f, 0.5f, 0.9f})));
      RunRecord run = ws.runs().create(new NewRun("fixture run",
          "{\"name\":\"quick\",\"seed\":7,\"stages\":[{\"type\":\"finetune\",\"steps\":20}]}", 7,
          "{\"gitRevision\":\"" + "0".repeat(40) + "\",\"gitDirty\":false,\"sources\":[]}", "0".repeat(40),
          "fixture cpu, 2 cores, Linux, Java 17", List.of("fixture"), "made by StoredWorkspaces"));
      ws.runs().setStatus(run.id(), RunStatus.RUNNING);
      ws.runs().addMetrics(List.of(new MetricPoint(run.id(), "finetune", 10, "loss", 2.5),
          new MetricPoint(run.id(), "finetune", 20, "loss", 1.25),
          new MetricPoint(run.id(), "finetune", 20, "accuracy", 0.5)));
      ws.runs().addCheckpoint(run.id(), "end", 20, "runs/1/checkpoints/000000020", "{}");
      ws.runs().setStatus(run.id(), RunStatus.COMPLETED);
    }
    compact(dir);
  }

  /**
   * Schema 3 (before the label cache and label kinds): dataset {@code old} with samples 7 (val,
   * labelled "first" then "第二") and 8 (train, unlabelled), one prediction, one run with two
   * loss points and a checkpoint.
   */
  static void writeVersion3(Path dir) throws Exception {
    try (Workspace old = Workspace.open(dir, 3)) {
      WorkspaceTest.dbOf(old).write(c -> {
        try (Statement s = c.createStatement()) {
          s.execute("INSERT INTO datasets(id, name, created) VALUES (1, 'old', 1700000000000)");
          s.execute("INSERT INTO samples(id, dataset_id, sha256, format, width, height, original_name, split, created)"
              + " VALUES (7, 1, '" + "a".repeat(64) + "', 'png', 10, 5, 'x.png', 'val', 1700000000000),"
              + " (8, 1, '" + "b".repeat(64) + "', 'png', 12, 5, 'y.png', 'train', 1700000000000)");
          s.execute("INSERT INTO label_history(sample_id, text, author, source, time)"
              + " VALUES (7, 'first', 'me', 'import', 1700000000001), (7, '第二', 'me', 'human', 1700000000002)");
          s.execute("INSERT INTO predictions(sample_id, dataset_id, checkpoint, text, confidence, created)"
              + " VALUES (8, 1, '1@5', 'why', 0.4, 1700000000003)");
          s.execute("INSERT INTO runs(id, name, recipe_json, seed, provenance_json, code_version, machine, status,"
              + " created, started, finished) VALUES (1, 'old run', '{\"seed\":3}', 3, '{}', 'abc', 'old machine',"
              + " 'COMPLETED', 1700000000004, 1700000000005, 1700000000006)");
          s.execute("INSERT INTO run_metrics(run_id, stage, step, name, value)"
              + " VALUES (1, 'mim', 5, 'loss', 0.75), (1, 'mim', 10, 'loss', 0.5)");
          s.execute("INSERT INTO checkpoints(run_id, stage, step, path, created)"
              + " VALUES (1, 'end', 10, 'runs/1/checkpoints/000000010', 1700000000007)");
        }
        return null;
      });
    }
    compact(dir);
  }

  /** One file, no free pages: the WAL is folded in and the database vacuumed (it stays in WAL mode, as users have it). */
  private static void compact(Path dir) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Workspace.DB_FILE));
        Statement s = c.createStatement()) {
      s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
      s.execute("VACUUM");
    }
    for (String side : List.of("-wal", "-shm")) {
      Files.deleteIfExists(dir.resolve(Workspace.DB_FILE + side));
    }
    deleteIfEmpty(dir.resolve("runs"));
  }

  private static void deleteIfEmpty(Path p) throws IOException {
    if (Files.isDirectory(p)) {
      try (var s = Files.list(p)) {
        if (s.findAny().isEmpty()) {
          Files.delete(p);
        }
      }
    }
  }
}
