package io.maskocr.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.store.Workspace;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmdbjava.ByteArrayProxy;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.Txn;

/** Engine-level halves of the hostile-input cases (the CLI halves are in app's cli.hostile). */
class HostileSourcesTest {
  @TempDir Path tmp;

  @Test
  void labelCheckRefusesEmptyControlAndOverlongButKeepsTabsAndUnicode() {
    assertNull(LabelCheck.problem(null), "unlabeled is fine");
    assertNull(LabelCheck.problem("  spaced\tlabel "), "TSV labels keep a tab verbatim");
    assertNull(LabelCheck.problem("你好 world"));
    assertEquals("empty label", LabelCheck.problem(""));
    assertEquals("control character U+0000 at position 2", LabelCheck.problem("a\u0000b"));
    assertEquals("control character U+001B at position 1", LabelCheck.problem("\u001b[31m"));
    assertEquals("control character U+000A at position 2", LabelCheck.problem("a\nb"));
    assertNull(LabelCheck.problem("x".repeat(LabelCheck.MAX_CHARS)));
    assertTrue(LabelCheck.problem("x".repeat(LabelCheck.MAX_CHARS + 1)).startsWith("1001 characters"));
  }

  @Test
  void anImportWhoseEveryItemIsRefusedCreatesNoDataset() throws Exception {
    Path src = tmp.resolve("bad");
    ImportFixtures.write(src.resolve("empty.png"), new byte[0]);
    ImportFixtures.write(src.resolve("bomb.png"), ImportFixtures.bombPng(100_000, 100_000));
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ImportSummary s = new Importer(ws).run(ImportRequest.of(src, "nothing"), null, null);
      assertEquals("nothing", s.dataset());
      assertEquals(2, s.skipped());
      assertTrue(ws.datasets().find("nothing").isEmpty(), "no empty dataset left behind");
    }
  }

  @Test
  void aLinkThatStaysInsideTheFolderIsImported() throws Exception {
    Path src = tmp.resolve("links");
    ImportFixtures.write(src.resolve("real/a.png"), ImportFixtures.png(1));
    Files.createSymbolicLink(src.resolve("alias.png"), src.resolve("real/a.png"));
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ImportSummary s = new Importer(ws).run(ImportRequest.of(src, "l"), null, null);
      assertEquals(1, s.imported(), s.oneLine());
      assertEquals(1, s.duplicates(), "the link and its target are one image");
      assertEquals(0, s.skipped(), s.skippedExamples().toString());
    }
  }

  @Test
  void lmdbCountsThatAreNegativeOrOverclaimAreRefusedBeforeReading() throws Exception {
    for (String count : new String[] {"-5", "1000"}) {
      Path dir = lmdb(tmp.resolve("lmdb" + count), Map.of("num-samples", count, "image-000000001", "x"));
      try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> new Importer(ws).run(ImportRequest.of(dir, "l"), null, null));
        assertTrue(e.getMessage().contains("'num-samples' says " + count), e.getMessage());
        assertTrue(ws.datasets().find("l").isEmpty());
      }
    }
  }

  private static Path lmdb(Path dir, Map<String, String> entries) throws Exception {
    Files.createDirectories(dir);
    try (Env<byte[]> env = Env.create(ByteArrayProxy.PROXY_BA).setMapSize(1 << 20).setMaxDbs(1).open(dir.toFile())) {
      Dbi<byte[]> db = env.openDbi((byte[]) null, DbiFlags.MDB_CREATE);
      try (Txn<byte[]> txn = env.txnWrite()) {
        entries.forEach((k, v) -> db.put(txn, k.getBytes(StandardCharsets.US_ASCII), v.getBytes(StandardCharsets.UTF_8)));
        txn.commit();
      }
    }
    return dir;
  }
}
