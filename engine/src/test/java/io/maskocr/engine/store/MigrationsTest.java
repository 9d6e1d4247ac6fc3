package io.maskocr.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MigrationsTest {
  @TempDir Path dir;

  static List<Integer> earlierVersions() {
    return java.util.stream.IntStream.range(0, Migrations.latestVersion()).boxed().toList();
  }

  @Test
  void stepsAreNumberedOneByOne() {
    for (int i = 0; i < Migrations.STEPS.size(); i++) {
      assertEquals(i + 1, Migrations.STEPS.get(i).version());
    }
  }

  @ParameterizedTest(name = "from version {0}")
  @MethodSource("earlierVersions")
  void upgradesFromEveryEarlierVersionKeepingData(int from) throws Exception {
    long sampleId = -1;
    try (Workspace old = Workspace.open(dir, from)) {
      assertEquals(from, old.schemaVersion());
      if (from >= 1) {
        // data written with the old schema's own SQL, as an old release would have
        sampleId =
            WorkspaceTest.dbOf(old)
                .write(
                    c -> {
                      try (var s = c.createStatement()) {
                        s.execute("INSERT INTO datasets(id, name, created) VALUES (1, 'old', 0)");
                        s.execute(
                            "INSERT INTO samples(id, dataset_id, sha256, format, width, height,"
                                + " original_name, split, created)"
                                + " VALUES (7, 1, '" + "a".repeat(64) + "', 'png', 10, 5, 'x.png', 'val', 0)");
                        s.execute(
                            "INSERT INTO label_history(sample_id, text, author, source, time)"
                                + " VALUES (7, 'first', 'me', 'import', 1), (7, '第二', 'me', 'human', 2)");
                      }
                      return 7L;
                    });
      }
    }
    try (Workspace ws = Workspace.open(dir)) {
      assertEquals(Migrations.latestVersion(), ws.schemaVersion());
      if (sampleId > 0) {
        Sample s = ws.samples().get(sampleId).orElseThrow();
        assertEquals("第二", s.label(), "label cache backfilled from history");
        assertEquals(Split.VAL, s.split());
        assertEquals(2, ws.labels().history(sampleId).size());
      }
      // every table of the latest schema is usable after the upgrade
      Dataset d = ws.datasets().getOrCreate("new");
      List<Long> ids = StoreFixtures.addSamples(ws, d.id(), 2, "n");
      ws.predictions().insertBatch(List.of(new Prediction(ids.get(0), "c1", "n0", 0.5, new float[] {0.5f, 1f})));
      RunRecord run = ws.runs().create(new NewRun("r", "{}", 1, "{}", "dev", "m", List.of(), ""));
      ws.runs().addCheckpoint(run.id(), "mim", 10, "runs/1/a.params", "{}");
      assertEquals(1, ws.predictions().count(d.id(), "c1"));
    }
  }

  @Test
  void aBrokenStepRollsBackAndKeepsTheVersion() throws Exception {
    Path db = dir.resolve("workspace.db");
    Files.createDirectories(dir);
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
      // a table that step 1 wants to create already exists: the step must fail as a whole
      try (var s = c.createStatement()) {
        s.execute("CREATE TABLE label_history(x)");
      }
      assertThrows(StoreException.class, () -> Migrations.migrate(new SqliteDialect(db), c, Migrations.latestVersion()));
      assertEquals(0, Migrations.version(c));
      try (var s = c.createStatement();
          var rs = s.executeQuery("SELECT count(*) FROM sqlite_master WHERE name = 'datasets'")) {
        rs.next();
        assertEquals(0, rs.getInt(1), "nothing of the failed step remains");
      }
    }
  }

  @Test
  void aNewerDatabaseIsRefusedWithAdvice() throws Exception {
    Files.createDirectories(dir);
    try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("workspace.db"));
        var s = c.createStatement()) {
      s.execute("PRAGMA user_version = 99");
    }
    StoreException e = assertThrows(StoreException.class, () -> Workspace.open(dir));
    assertTrue(e.getMessage().contains("update the application"), e.getMessage());
  }
}
