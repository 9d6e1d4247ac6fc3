package io.maskocr.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Today's code opens workspaces written earlier: the checked-in files of {@link StoredWorkspaces}
 * (copied first: opening migrates and writes). Each is opened, brought to the latest schema, and
 * read back: counts, labels with their history, predictions, runs with metrics.
 */
class StoredWorkspacesTest {
  @TempDir Path tmp;

  /** A copy of a stored fixture folder. */
  static Path copy(String folder, Path into) throws IOException, URISyntaxException {
    Path src = Path.of(StoredWorkspacesTest.class.getClassLoader().getResource(folder).toURI());
    try (Stream<Path> walk = Files.walk(src)) {
      for (Path p : walk.toList()) {
        Path to = into.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return into;
  }

  private static int storedVersion(Path dir) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(Workspace.DB_FILE))) {
      return Migrations.version(c);
    }
  }

  @Test
  void theLatestSchemaHasAStoredFixture() {
    // a new migration needs its own fixture (StoredWorkspaces.writeCurrent), so the next one can be tested against it
    assertNotNull(getClass().getClassLoader().getResource(StoredWorkspaces.folder(Migrations.latestVersion())
        + "/" + Workspace.DB_FILE), "check in a workspace written at schema " + Migrations.latestVersion()
        + " (run WriteStoredWorkspaces with -Dmaskocr.writeFixtures=engine/src/test/resources)");
  }

  @Test
  void aWorkspaceOfSchema5OpensWithItsCountsLabelHistoryAndRun() throws Exception {
    Path dir = copy(StoredWorkspaces.folder(5), tmp.resolve("ws"));
    assertEquals(5, storedVersion(dir), "the fixture is what schema 5 wrote");
    try (Workspace ws = Workspace.open(dir)) {
      assertEquals(Migrations.latestVersion(), ws.schemaVersion());
      assertEquals(new WorkspaceCounts(1, 4, 5, 1, 1, 1), ws.counts());
      Dataset d = ws.datasets().require("words");
      DatasetStats stats = ws.datasets().stats(d.id());
      assertEquals(4, stats.samples());
      assertEquals(2, stats.labeled(), "hallo and world; the illegible and the unlabelled one are not");
      assertEquals(3, stats.train());
      assertEquals(1, stats.val());

      List<Sample> samples = ws.samples().page(SampleQuery.of(d.id(), 10));
      assertEquals(List.of("hallo", "world"), samples.stream().map(Sample::label).filter(l -> l != null).toList());
      List<LabelEntry> first = ws.labels().history(samples.get(0).id());
      assertEquals(List.of("hello", "hallo"), first.stream().map(LabelEntry::text).toList());
      assertEquals(List.of(LabelSource.IMPORT, LabelSource.HUMAN), first.stream().map(LabelEntry::source).toList());
      assertEquals(LabelKind.ILLEGIBLE, ws.labels().current(samples.get(1).id()).orElseThrow().kind());
      assertNull(samples.get(3).label());
      assertEquals(Split.VAL, samples.get(3).split());
      assertTrue(ws.images().read(samples.get(0)).getWidth() == 24, "the image store is readable too");
      assertEquals(1, ws.predictions().count(d.id(), "1@20"));

      RunRecord run = ws.runs().list().get(0);
      assertEquals("fixture run", run.name());
      assertEquals(RunStatus.COMPLETED, run.status());
      assertEquals(7, run.seed());
      assertEquals(List.of("fixture"), run.tags());
      assertNotNull(run.started());
      assertNotNull(run.finished());
      assertEquals(List.of(2.5, 1.25), ws.runs().metrics(run.id(), "loss").stream().map(MetricPoint::value).toList());
      assertEquals(0.5, ws.runs().metrics(run.id(), "accuracy").get(0).value());
      assertEquals(20, ws.runs().checkpoints(run.id()).get(0).step());
    }
  }

  @Test
  void aWorkspaceOfSchema3IsMigratedWithItsDataIntact() throws Exception {
    Path dir = copy(StoredWorkspaces.folder(3), tmp.resolve("ws"));
    assertEquals(3, storedVersion(dir), "the fixture is what schema 3 wrote");
    try (Workspace ws = Workspace.open(dir)) {
      assertEquals(Migrations.latestVersion(), ws.schemaVersion());
      assertEquals(new WorkspaceCounts(1, 2, 2, 1, 1, 1), ws.counts());
      Sample s7 = ws.samples().get(7).orElseThrow();
      assertEquals("第二", s7.label(), "the label cache (schema 4) is filled from the history");
      assertEquals(Split.VAL, s7.split());
      List<LabelEntry> h = ws.labels().history(7);
      assertEquals(List.of("first", "第二"), h.stream().map(LabelEntry::text).toList());
      assertEquals(List.of(LabelKind.TEXT, LabelKind.TEXT), h.stream().map(LabelEntry::kind).toList(),
          "entries made before schema 5 are text");
      assertEquals(LabelSource.HUMAN, ws.labels().current(7).orElseThrow().source());
      assertNull(ws.samples().get(8).orElseThrow().label());
      assertEquals(1, ws.datasets().stats(1).labeled());
      assertEquals(List.of(7L), ws.samples().page(SampleQuery.of(1, 10).withLabelSearch("二")).stream()
          .map(Sample::id).toList(), "label search works on the migrated cache");

      RunRecord run = ws.runs().get(1).orElseThrow();
      assertEquals("old run", run.name());
      assertEquals("abc", run.codeVersion());
      assertEquals(List.of(0.75, 0.5), ws.runs().metrics(1, "loss").stream().map(MetricPoint::value).toList());
      assertEquals(10, ws.runs().checkpoints(1).get(0).step());

      // and the migrated workspace takes today's writes
      ws.labels().append(new NewLabel(8, "", "me", LabelSource.HUMAN, LabelKind.ILLEGIBLE));
      assertEquals(LabelKind.ILLEGIBLE, ws.labels().current(8).orElseThrow().kind());
    }
  }

  @Test
  void fixturesStaySmall() throws Exception {
    for (int v : new int[] {3, 5}) {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(StoredWorkspaces.folder(v) + "/"
          + Workspace.DB_FILE)) {
        assertTrue(in.readAllBytes().length < 200_000, "workspace-v" + v);
      }
    }
  }
}
