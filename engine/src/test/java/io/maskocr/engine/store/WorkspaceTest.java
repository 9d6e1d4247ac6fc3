package io.maskocr.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {
  @TempDir Path dir;

  @Test
  void openCreatesTheFolderLayoutAndUsesWalWithForeignKeys() throws Exception {
    Path root = dir.resolve("new/ws");
    try (Workspace ws = Workspace.open(root)) {
      assertTrue(ws.isNew());
      assertTrue(Files.isRegularFile(root.resolve("workspace.db")));
      assertTrue(Files.isDirectory(root.resolve("images")));
      assertTrue(Files.isDirectory(root.resolve("runs")));
      assertEquals(Workspace.currentSchemaVersion(), ws.schemaVersion());
      Db db = dbOf(ws);
      assertEquals("wal", db.read(c -> pragma(c, "journal_mode")));
      assertEquals("1", db.read(c -> pragma(c, "foreign_keys")));
      assertEquals("10000", db.read(c -> pragma(c, "busy_timeout")));
    }
    try (Workspace again = Workspace.open(root)) {
      assertFalse(again.isNew());
    }
  }

  @Test
  void datasetsCanBeCreatedListedRenamedCountedAndDeleted() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      Dataset a = ws.datasets().create("street");
      ws.datasets().create("中文数据");
      assertThrows(StoreException.class, () -> ws.datasets().create("street"));
      assertThrows(IllegalArgumentException.class, () -> ws.datasets().create("  "));
      assertEquals(List.of("street", "中文数据"), ws.datasets().list().stream().map(Dataset::name).toList());

      List<Long> ids = StoreFixtures.addSamples(ws, a.id(), 5, "w");
      ws.samples().setSplit(ids.subList(0, 2), Split.VAL);
      ws.samples().setSplit(ids.subList(2, 3), Split.TEST);
      assertEquals(new DatasetStats(a.id(), 5, 5, 2, 2, 1), ws.datasets().stats(a.id()));

      Dataset renamed = ws.datasets().rename(a.id(), "street-2");
      assertEquals("street-2", renamed.name());
      assertTrue(ws.datasets().find("street").isEmpty());
      assertThrows(StoreException.class, () -> ws.datasets().rename(a.id(), "中文数据"));

      ws.datasets().delete(a.id());
      assertTrue(ws.datasets().get(a.id()).isEmpty());
      assertTrue(ws.samples().get(ids.get(0)).isEmpty(), "samples go with their dataset");
      assertTrue(ws.labels().history(ids.get(0)).isEmpty());
      StoreException missing = assertThrows(StoreException.class, () -> ws.datasets().require("street"));
      assertTrue(missing.getMessage().contains("maskocr datasets"));
    }
  }

  @Test
  void imageStoreIsContentAddressedAndStoresDuplicatesOnce() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      byte[] png = StoreFixtures.png(42, 20, 10);
      String sha = StoreFixtures.sha256(png);
      assertTrue(ws.images().put(sha, "png", png));
      assertFalse(ws.images().put(sha, "png", png));
      Path p = ws.images().path(sha, "png");
      assertEquals(dir.resolve("images").resolve(sha.substring(0, 2)).resolve(sha + ".png"), p);
      try (var files = Files.walk(dir.resolve("images"))) {
        assertEquals(1, files.filter(Files::isRegularFile).count(), "no temp files left behind");
      }
      Dataset d = ws.datasets().create("d");
      ws.samples().addBatch(d.id(), List.of(new NewSample(sha, "png", 20, 10, "x.png", null, null)), "t");
      Sample s = ws.samples().page(SampleQuery.of(d.id(), 1)).get(0);
      assertEquals(20, ws.images().read(s).getWidth());
      assertEquals(Split.TRAIN, s.split());
      assertEquals(null, s.label());
      assertThrows(IllegalArgumentException.class, () -> ws.images().path("../../etc", "png"));
    }
  }

  static Db dbOf(Workspace ws) throws Exception {
    var f = Workspace.class.getDeclaredField("db");
    f.setAccessible(true);
    return (Db) f.get(ws);
  }

  static String pragma(java.sql.Connection c, String name) throws java.sql.SQLException {
    try (var s = c.createStatement(); var rs = s.executeQuery("PRAGMA " + name)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
