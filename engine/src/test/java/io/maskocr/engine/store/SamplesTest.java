package io.maskocr.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass
@EnumSource(Backend.class)
class SamplesTest {
  @Parameter Backend backend;

  @TempDir Path dir;

  @Test
  void pagesCoverEveryMatchingSampleOnceInIdOrder() throws Exception {
    try (Workspace ws = backend.open(dir)) {
      Dataset d = ws.datasets().create("d");
      List<Long> ids = StoreFixtures.addSamples(ws, d.id(), 23, "p");
      ws.samples().setSplit(ids.subList(0, 5), Split.TEST);
      List<Long> seen = new ArrayList<>();
      SampleQuery q = SampleQuery.of(d.id(), 4).withSplit(Split.TRAIN);
      long after = 0;
      while (true) {
        List<Sample> page = ws.samples().page(q.after(after));
        if (page.isEmpty()) {
          break;
        }
        page.forEach(s -> seen.add(s.id()));
        after = page.get(page.size() - 1).id();
      }
      assertEquals(ids.subList(5, 23), seen);
      assertEquals(18, ws.samples().count(q));
      assertEquals(ids.subList(9, 13), ws.samples().page(q.withOffset(4)).stream().map(Sample::id).toList());
    }
  }

  @Test
  void aDuplicateImageInTheSameDatasetIsCountedNotStoredTwice() throws Exception {
    try (Workspace ws = backend.open(dir)) {
      Dataset a = ws.datasets().create("a");
      Dataset b = ws.datasets().create("b");
      byte[] png = StoreFixtures.png(3, 10, 10);
      String sha = StoreFixtures.sha256(png);
      ws.images().put(sha, "png", png);
      NewSample s = new NewSample(sha, "png", 10, 10, "x.png", Split.TRAIN, "x");
      assertEquals(new AddResult(1, 1), ws.samples().addBatch(a.id(), List.of(s, s), "t"));
      assertEquals(new AddResult(0, 1), ws.samples().addBatch(a.id(), List.of(s), "t"));
      assertEquals(new AddResult(1, 0), ws.samples().addBatch(b.id(), List.of(s), "t"));
    }
  }

  @Test
  void splitCanBeSetForEverySampleMatchingAFilter() throws Exception {
    try (Workspace ws = backend.open(dir)) {
      Dataset d = ws.datasets().create("d");
      StoreFixtures.addSamples(ws, d.id(), 12, "f");
      int changed = ws.samples().setSplit(SampleQuery.of(d.id(), 1).withLabelSearch("f1"), Split.VAL);
      assertEquals(3, changed); // f1, f10, f11
      assertEquals(3, ws.datasets().stats(d.id()).val());
    }
  }

  @Test
  void aBatchThatFailsHalfwayStoresNothing() throws Exception {
    try (Workspace ws = backend.open(dir)) {
      Dataset d = ws.datasets().create("d");
      byte[] png = StoreFixtures.png(3, 10, 10);
      String sha = StoreFixtures.sha256(png);
      NewSample ok = new NewSample(sha, "png", 10, 10, "x.png", Split.TRAIN, "x");
      NewSample second = new NewSample("b".repeat(64), "png", 10, 10, "y.png", Split.TRAIN, "y");
      // a failure on the second row, after the first row and its label went in
      String failY = backend == Backend.SQLITE
          ? "CREATE TRIGGER fail_y BEFORE INSERT ON samples WHEN new.original_name = 'y.png'"
              + " BEGIN SELECT RAISE(ABORT, 'simulated failure'); END"
          : "ALTER TABLE samples ADD CONSTRAINT fail_y CHECK (original_name <> 'y.png')";
      WorkspaceTest.dbOf(ws).write(c -> c.createStatement().execute(failY));
      org.junit.jupiter.api.Assertions.assertThrows(
          StoreException.class, () -> ws.samples().addBatch(d.id(), List.of(ok, second), "t"));
      assertEquals(0, ws.samples().count(SampleQuery.of(d.id(), 1)));
      assertEquals(0, ws.counts().labelEntries());
    }
  }

  @Test
  void aPartiallyWrittenImageFileIsRepairedOnTheNextPut() throws Exception {
    try (Workspace ws = backend.open(dir)) {
      byte[] png = StoreFixtures.png(9, 30, 10);
      String sha = StoreFixtures.sha256(png);
      Path p = ws.images().path(sha, "png");
      java.nio.file.Files.createDirectories(p.getParent());
      java.nio.file.Files.write(p, java.util.Arrays.copyOf(png, 10)); // as if a crash cut the write
      org.junit.jupiter.api.Assertions.assertTrue(ws.images().put(sha, "png", png));
      org.junit.jupiter.api.Assertions.assertArrayEquals(png, java.nio.file.Files.readAllBytes(p));
    }
  }
}
