package io.maskocr.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backups are consistent copies taken while the workspace is written; a damaged database is
 * refused at open with a message that names the newest backup, and the file is left as it was;
 * a schema migration is preceded by a backup.
 */
class BackupsTest {
  @TempDir Path dir;

  @Test
  void aBackupTakenWhileWritingIsAConsistentWorkspace() throws Exception {
    Path copy;
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      long ds = ws.datasets().create("d").id();
      StoreFixtures.addSamples(ws, ds, 20, "a");
      AtomicBoolean writing = new AtomicBoolean(true);
      Thread writer = new Thread(() -> {
        int i = 0;
        while (writing.get()) {
          try {
            StoreFixtures.addSamples(ws, ds, 1, "w" + i++);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
      });
      writer.start();
      copy = Backups.backup(ws, null, null);
      writing.set(false);
      writer.join();
      assertTrue(copy.startsWith(Backups.folder(ws.root())), copy.toString());
      assertEquals(copy, Backups.newest(ws.root()).orElseThrow());
    }
    Path restored = dir.resolve("restored");
    Files.createDirectories(restored);
    Files.copy(copy, restored.resolve(Workspace.DB_FILE));
    try (Workspace back = Workspace.open(restored)) {
      assertTrue(back.samples().count(SampleQuery.of(back.datasets().find("d").orElseThrow().id(), 1)) >= 20);
      assertEquals(List.of(), back.maintenance().integrityProblems());
    }
  }

  @Test
  void garbageOverAPageIsRefusedAtOpenNamingTheNewestBackupAndNothingChanges() throws Exception {
    Path root = dir.resolve("ws");
    try (Workspace ws = Workspace.open(root)) {
      long ds = ws.datasets().create("d").id();
      StoreFixtures.addSamples(ws, ds, 300, "a");
      Backups.backup(ws, null, null);
    }
    Path db = root.resolve(Workspace.DB_FILE);
    assertTrue(Files.size(db) > 5 * 4096, "test needs a few pages");
    byte[] garbage = new byte[4096 * 2];
    new SplittableRandom(7).nextBytes(garbage);
    try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
      f.seek(4096 * 2);
      f.write(garbage);
    }
    byte[] before = Files.readAllBytes(db);
    DamagedWorkspaceException e = assertThrows(DamagedWorkspaceException.class, () -> Workspace.open(root));
    String backup = Backups.newest(root).orElseThrow().toString();
    assertTrue(e.getMessage().contains("is damaged") && e.getMessage().contains(backup), e.getMessage());
    assertArrayEquals(before, Files.readAllBytes(db), "the damaged file is left as it was");
  }

  @Test
  void aTruncatedDatabaseIsRefusedAtOpen() throws Exception {
    Path root = dir.resolve("ws");
    try (Workspace ws = Workspace.open(root)) {
      StoreFixtures.addSamples(ws, ws.datasets().create("d").id(), 300, "a");
    }
    Path db = root.resolve(Workspace.DB_FILE);
    try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
      f.setLength(f.length() / 3);
    }
    DamagedWorkspaceException e = assertThrows(DamagedWorkspaceException.class, () -> Workspace.open(root));
    assertTrue(e.getMessage().contains("there is no backup"), e.getMessage());
  }

  @Test
  void aSchemaMigrationIsPrecededByABackupOfTheOldVersion() throws Exception {
    Path root = dir.resolve("ws");
    int latest = Workspace.currentSchemaVersion();
    try (Workspace old = Workspace.open(root, latest - 1)) {
      assertEquals(latest - 1, old.schemaVersion());
    }
    try (Workspace ws = Workspace.open(root)) {
      assertEquals(latest, ws.schemaVersion());
    }
    Path backup = Backups.newest(root).orElseThrow();
    assertTrue(backup.getFileName().toString().contains("before-schema-" + (latest - 1) + "-to-" + latest),
        backup.toString());
    Path probe = dir.resolve("probe");
    Files.createDirectories(probe);
    Files.copy(backup, probe.resolve(Workspace.DB_FILE));
    try (Workspace copy = Workspace.open(probe, latest - 1)) {
      assertEquals(latest - 1, copy.schemaVersion(), "the backup is the database before the migration");
    }
  }
}
