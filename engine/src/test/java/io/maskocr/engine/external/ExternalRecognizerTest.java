package io.maskocr.engine.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.infer.Prediction;
import io.maskocr.engine.store.Workspace;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Tiny ONNX models written by the test, read through the workspace registry on OnnxRuntime. */
class ExternalRecognizerTest {
  private static final Color R = Color.RED;
  private static final Color G = Color.GREEN;
  private static final Color B = Color.BLUE;
  private static final Color W = Color.WHITE;
  private static final Color K = Color.BLACK;

  @TempDir Path tmp;

  @Test
  void ppocrShapedModelReadsWithBlankRepeatsAndSpace() throws Exception {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ExternalModel m = add(ws, "ctc.onnx", TinyModels.ctc(false), ExternalKind.PPOCR_REC, TinyModels.KEYS, null);
      assertEquals(5, m.outputClasses());
      assertEquals("ctc", m.name());
      Color[] wide = new Color[48];
      for (int i = 0; i < wide.length; i++) {
        wide[i] = new Color[] {R, G, B}[i % 3];
      }
      try (ExternalRecognizer r = ExternalModels.open(ws, "ctc", 1)) {
        List<Prediction> p = r.predictImages(List.of(
            TinyModels.blocks(8, 48, R, G, B),
            TinyModels.blocks(8, 48, R, R, G),   // repeats merge
            TinyModels.blocks(8, 48, R, W, R),   // a blank between keeps both
            TinyModels.blocks(8, 48, R, K, B),   // the class after the dictionary is a space
            TinyModels.blocks(8, 48, W, W),      // all blank: empty, confidence 0 as PaddleOCR
            TinyModels.blocks(8, 48, wide)));    // 384 px: a wider tensor, batched apart
        assertEquals(List.of("abc", "ab", "aa", "a c", "", "abc".repeat(16)), p.stream().map(Prediction::text).toList());
        assertEquals(3, p.get(0).charProbabilities().length);
        assertTrue(p.get(0).confidence() > 0.99, "confidence " + p.get(0).confidence());
        assertEquals(0.0, p.get(4).confidence());
        for (Prediction x : p) {
          assertEquals(m.key(), x.checkpoint());
        }
        assertTrue(m.key().startsWith("model:ctc@"));
      }
    }
  }

  @Test
  void parseqShapedModelReadsUntilTheEndToken() throws Exception {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ExternalModel m = add(ws, "parseq.onnx", TinyModels.parseq(), ExternalKind.PARSEQ, TinyModels.KEYS, "tiny-parseq");
      assertEquals(List.of(ClassTable.DICTIONARY, ClassTable.EOS), m.settings().output().classes());
      try (ExternalRecognizer r = ExternalModels.open(ws, "tiny-parseq", 1)) {
        List<Prediction> p = r.predictImages(List.of(
            TinyModels.blocks(16, 32, B, R, B, G, W, W, W, W),
            TinyModels.blocks(16, 32, R, W, G, G, W, W, W, W),   // nothing after the end token counts
            TinyModels.blocks(16, 32, W, R, R, R, R, R, R, R)));
        assertEquals(List.of("cacb", "a", ""), p.stream().map(Prediction::text).toList());
        assertEquals(4, p.get(0).charProbabilities().length);
      }
    }
  }

  @Test
  void dictionaryOfTheWrongSizeIsRefusedNamingBothCounts() throws Exception {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      assertMessage(() -> add(ws, "ctc.onnx", TinyModels.ctc(false), ExternalKind.PPOCR_REC, List.of("a", "b"), null),
          "ctc.onnx", "5 output classes, dictionary gives 2 + blank + space = 4");
      assertMessage(() -> add(ws, "p.onnx", TinyModels.parseq(), ExternalKind.PARSEQ, List.of("a", "b", "c", "d"), null),
          "p.onnx", "4 output classes, dictionary gives 4 + end token = 5");
      assertTrue(ExternalModels.list(ws).isEmpty());
      try (var left = Files.list(ExternalModels.root(ws))) {
        assertEquals(0, left.count(), "nothing half-added stays behind");
      }
    }
  }

  @Test
  void truncatedFileIsRefusedNamingIt() throws Exception {
    byte[] full = TinyModels.ctc(false);
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      assertMessage(() -> add(ws, "cut.onnx", Arrays.copyOf(full, full.length / 2), ExternalKind.PPOCR_REC,
          TinyModels.KEYS, null), "cut.onnx", "not a readable ONNX model");
      assertMessage(() -> add(ws, "text.onnx", "hello".getBytes(), ExternalKind.PPOCR_REC, TinyModels.KEYS, null),
          "text.onnx");
      assertTrue(ExternalModels.list(ws).isEmpty());
    }
  }

  @Test
  void modelThatIsNotARecognizerIsRefused() throws Exception {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      assertMessage(() -> add(ws, "identity.onnx", TinyModels.identity(), ExternalKind.PPOCR_REC, TinyModels.KEYS, null),
          "identity.onnx", "not a recognizer", "[B, T, C]");
      // a PP-OCR-sized model added as PARSeq gets a 32-pixel crop it cannot pool
      assertMessage(() -> add(ws, "ctc.onnx", TinyModels.ctc(false), ExternalKind.PARSEQ, TinyModels.KEYS, null),
          "ctc.onnx", "not a recognizer");
    }
  }

  @Test
  void failureAtRunTimeIsAnExceptionNamingTheModel() throws Exception {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      add(ws, "fixed.onnx", TinyModels.ctc(true), ExternalKind.PPOCR_REC, TinyModels.KEYS, null);
      try (ExternalRecognizer r = ExternalModels.open(ws, "fixed", 1)) {
        assertEquals("a", r.predictImages(List.of(TinyModels.blocks(8, 48, R))).get(0).text());
        ExternalModelException e = assertThrows(ExternalModelException.class,
            () -> r.predictImages(List.of(TinyModels.blocks(400, 48, R))));
        assertTrue(e.getMessage().contains("model fixed failed"), e.getMessage());
        // the session survives a failed batch
        assertEquals("b", r.predictImages(List.of(TinyModels.blocks(8, 48, G))).get(0).text());
      }
    }
  }

  @Test
  void hostileNamesAreRefusedOrMadePlain() throws Exception {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      for (String bad : List.of("../up", "a/b", ".hidden", "", "x".repeat(65), "new\nline")) {
        assertMessage(() -> add(ws, "m.onnx", TinyModels.ctc(false), ExternalKind.PPOCR_REC, TinyModels.KEYS, bad),
            "is not allowed");
      }
      ExternalModel m = add(ws, "模型 v4 (copy).onnx", TinyModels.ctc(false), ExternalKind.PPOCR_REC, TinyModels.KEYS,
          null);
      assertTrue(m.name().matches("[A-Za-z0-9][A-Za-z0-9._-]*") && m.name().contains("v4"), m.name());
      assertEquals("模型 v4 (copy).onnx", m.source());
      assertMessage(() -> add(ws, "again.onnx", TinyModels.ctc(false), ExternalKind.PPOCR_REC, TinyModels.KEYS,
          m.name()), "already has a model named");
      assertMessage(() -> ExternalModels.open(ws, "../../etc", 1), "no external model");
      ExternalModels.remove(ws, m.name());
      assertTrue(ExternalModels.list(ws).isEmpty());
    }
  }

  @Test
  void fileChangedAfterAddingIsRefused() throws Exception {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ExternalModel m = add(ws, "ctc.onnx", TinyModels.ctc(false), ExternalKind.PPOCR_REC, TinyModels.KEYS, null);
      Files.write(ExternalModels.root(ws).resolve(m.name()).resolve("model.onnx"), TinyModels.ctc(true));
      assertMessage(() -> ExternalModels.open(ws, m.name(), 1), "changed since it was added");
    }
  }

  private static void assertMessage(Executable call, String... parts) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), "'" + e.getMessage() + "' should contain '" + p + "'");
    }
  }

  private ExternalModel add(Workspace ws, String file, byte[] bytes, ExternalKind kind, List<String> keys, String name)
      throws Exception {
    Path src = tmp.resolve("src-" + System.nanoTime());
    Path onnx = TinyModels.write(src, file, bytes);
    return ExternalModels.add(ws, onnx, kind, TinyModels.keys(src, keys), name, null);
  }
}
