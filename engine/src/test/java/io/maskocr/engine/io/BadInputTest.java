package io.maskocr.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.store.Workspace;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadInputTest {
  @TempDir Path tmp;

  @Test
  void everyBadFileIsSkippedWithItsReasonAndTheRestIsImported() throws Exception {
    Path src = tmp.resolve("mixed");
    byte[] good = ImportFixtures.png(1);
    ImportFixtures.write(src.resolve("good.png"), good);
    ImportFixtures.write(src.resolve("same-again.png"), good);
    ImportFixtures.write(src.resolve("empty.png"), new byte[0]);
    ImportFixtures.write(src.resolve("notes.txt"), "not an image");
    ImportFixtures.write(src.resolve("truncated.png"), Arrays.copyOf(good, good.length / 2));
    // scramble the compressed pixels but keep every chunk length: a corrupt, not short, file
    byte[] corrupt = good.clone();
    int idat = new String(good, StandardCharsets.ISO_8859_1).indexOf("IDAT");
    int len = java.nio.ByteBuffer.wrap(good, idat - 4, 4).getInt();
    for (int i = idat + 6; i < idat + 4 + len; i++) {
      corrupt[i] = (byte) (corrupt[i] ^ 0x5a);
    }
    ImportFixtures.write(src.resolve("corrupt.png"), corrupt);
    ImportFixtures.write(src.resolve("bomb.png"), ImportFixtures.bombPng(100_000, 100_000));
    ImportFixtures.write(src.resolve("jpeg.jpg"), jpeg());
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ImportSummary s = new Importer(ws).run(ImportRequest.of(src, "m"), null, null);
      assertEquals(2, s.imported(), s.oneLine());
      assertEquals(1, s.duplicates());
      assertEquals(
          Map.of(SkipReason.EMPTY, 1L, SkipReason.UNSUPPORTED, 1L, SkipReason.TRUNCATED, 1L,
              SkipReason.CORRUPT, 1L, SkipReason.TOO_LARGE, 1L),
          s.skippedByReason(), s.skippedExamples().toString());
      Skipped bomb = s.skippedExamples().stream().filter(x -> x.reason() == SkipReason.TOO_LARGE).findFirst().orElseThrow();
      assertEquals("bomb.png", bomb.where());
      assertTrue(bomb.detail().contains("100000x100000"), bomb.detail());
      assertTrue(s.oneLine().contains("imported 2, duplicates 1, skipped 5"), s.oneLine());
    }
  }

  @Test
  void listPathsThatLeaveTheRootAreRefused() throws Exception {
    Path root = tmp.resolve("root");
    ImportFixtures.write(tmp.resolve("secret.png"), ImportFixtures.png(5));
    ImportFixtures.write(root.resolve("ok.png"), ImportFixtures.png(6));
    ImportFixtures.write(root.resolve("labels.tsv"),
        "ok.png\tok\n../secret.png\tx\n" + tmp.resolve("secret.png").toAbsolutePath() + "\ty\n"
            + "sub/../../secret.png\tz\nC:\\\\windows\\\\a.png\tw\nmissing.png\tm\n");
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ImportSummary s = new Importer(ws).run(ImportRequest.of(root, "r"), null, null);
      assertEquals(1, s.imported());
      assertEquals(Map.of(SkipReason.PATH_OUTSIDE_ROOT, 4L, SkipReason.MISSING_FILE, 1L), s.skippedByReason());
      assertTrue(s.skippedExamples().get(0).where().startsWith("labels.tsv:2"), s.skippedExamples().toString());
    }
  }

  @Test
  void aLabelThatIsNotUtf8NamesItsLineAndTheOthersImport() throws Exception {
    Path root = tmp.resolve("enc");
    ImportFixtures.write(root.resolve("a.png"), ImportFixtures.png(1));
    ImportFixtures.write(root.resolve("b.png"), ImportFixtures.png(2));
    byte[] latin1 = "b.png\tcaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    byte[] list = concat("a.png\tfine\n".getBytes(StandardCharsets.UTF_8), latin1);
    ImportFixtures.write(root.resolve("labels.tsv"), list);
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ImportSummary s = new Importer(ws).run(ImportRequest.of(root, "e"), null, null);
      assertEquals(1, s.imported());
      Skipped bad = s.skippedExamples().get(0);
      assertEquals(SkipReason.BAD_LABEL_ENCODING, bad.reason());
      assertEquals("labels.tsv:2", bad.where());
      assertTrue(bad.detail().contains("line 2"), bad.detail());
    }
  }

  @Test
  void malformedJsonLinesAreSkippedByLine() throws Exception {
    Path root = tmp.resolve("js");
    ImportFixtures.write(root.resolve("a.png"), ImportFixtures.png(1));
    ImportFixtures.write(root.resolve("labels.jsonl"),
        "{\"filename\":\"a.png\",\"text\":\"ok\"}\n{not json\n[1,2]\n{\"text\":\"no file\"}\n{\"filename\":\"a.png\",\"text\":5}\n");
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ImportSummary s = new Importer(ws).run(ImportRequest.of(root, "j"), null, null);
      assertEquals(1, s.imported());
      assertEquals(Map.of(SkipReason.BAD_LINE, 4L), s.skippedByReason());
      assertEquals("labels.jsonl:2", s.skippedExamples().get(0).where());
    }
  }

  @Test
  void unusableSourcesFailWithAClearMessage() throws Exception {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      Importer imp = new Importer(ws);
      IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
          () -> imp.run(ImportRequest.of(tmp.resolve("nope"), "d"), null, null));
      assertTrue(missing.getMessage().contains("does not exist"));
      assertTrue(ws.datasets().list().isEmpty(), "a failed import leaves no empty dataset");
      Path f = ImportFixtures.write(tmp.resolve("x.csv"), "a");
      assertThrows(IllegalArgumentException.class, () -> imp.run(ImportRequest.of(f, "d"), null, null));
      Path folder = Files.createDirectories(tmp.resolve("imgs"));
      IllegalArgumentException pattern = assertThrows(IllegalArgumentException.class,
          () -> imp.run(new ImportRequest(folder, "d", null, null, "([unclosed"), null, null));
      assertTrue(pattern.getMessage().contains("label pattern"));
      Path lmdb = Files.createDirectories(tmp.resolve("lmdb"));
      ImportFixtures.write(lmdb.resolve("data.mdb"), "garbage that is not an lmdb file at all".repeat(200));
      Exception e = assertThrows(Exception.class, () -> imp.run(ImportRequest.of(lmdb, "d"), null, null));
      assertTrue(e.getMessage() != null);
    }
  }

  private static byte[] jpeg() throws Exception {
    BufferedImage img = new BufferedImage(30, 12, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, "jpg", out);
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
