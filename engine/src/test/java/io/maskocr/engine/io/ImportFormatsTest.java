package io.maskocr.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.SampleQuery;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.StoreFixtures;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ImportFormatsTest {
  @TempDir Path tmp;

  private static final List<String> LABELS = List.of("hello", "北京", "a_b", "Straße", "x");

  @Test
  void folderWithGlobPatternTakesLabelsFromFileNames() throws Exception {
    Path src = ImportFixtures.labeledFolder(tmp.resolve("图片"), LABELS);
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ImportSummary s = new Importer(ws).run(
          new ImportRequest(src, "d", null, Split.VAL, "{label}_*.png"), null, null);
      assertEquals(ImportFormat.FOLDER, s.format());
      assertEquals(5, s.imported());
      assertEquals(Map.of(), s.skippedByReason());
      Map<String, String> byName = labelsByOriginalName(ws, "d");
      assertEquals("a_b", byName.get("part0/a_b_2.png"), "greedy label keeps inner underscores");
      assertEquals("北京", byName.get("part1/北京_1.png"));
      assertTrue(ws.samples().page(SampleQuery.of(ws.datasets().require("d").id(), 10)).stream()
          .allMatch(x -> x.split() == Split.VAL && x.width() == 48 && x.height() == 16));
    }
  }

  @Test
  void folderWithRegexPatternOrWithoutPattern() throws Exception {
    Path src = ImportFixtures.labeledFolder(tmp.resolve("f"), LABELS);
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      new Importer(ws).run(new ImportRequest(src, "re", ImportFormat.FOLDER, null, "^(.+)_\\d+\\.png$"), null, null);
      assertEquals("hello", labelsByOriginalName(ws, "re").get("part0/hello_0.png"));
      new Importer(ws).run(new ImportRequest(src, "none", ImportFormat.FOLDER, null, null), null, null);
      assertTrue(labelsByOriginalName(ws, "none").values().stream().allMatch(v -> v == null));
    }
  }

  @Test
  void tsvListWithChinesePathsLabelsBomAndUnlabeledLines() throws Exception {
    Path root = tmp.resolve("数据");
    ImportFixtures.write(root.resolve("图/一.png"), ImportFixtures.png(1));
    ImportFixtures.write(root.resolve("b.png"), ImportFixtures.png(2));
    ImportFixtures.write(root.resolve("c.png"), ImportFixtures.png(3));
    ImportFixtures.write(root.resolve("rec_gt.txt"), "\uFEFF图/一.png\t你好 世界\r\nb.png\t  spaced\tlabel \n\nc.png\n");
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ImportSummary s = new Importer(ws).run(ImportRequest.of(root, "t"), null, null);
      assertEquals(ImportFormat.TSV, s.format());
      assertEquals(3, s.imported());
      Map<String, String> m = labelsByOriginalName(ws, "t");
      assertEquals("你好 世界", m.get("图/一.png"));
      assertEquals("  spaced\tlabel ", m.get("b.png"), "label kept verbatim after the first tab");
      assertEquals(null, m.get("c.png"));
    }
  }

  @Test
  void jsonLinesWithAliasesAndNullText() throws Exception {
    Path root = tmp.resolve("j");
    ImportFixtures.write(root.resolve("a.png"), ImportFixtures.png(1));
    ImportFixtures.write(root.resolve("b.png"), ImportFixtures.png(2));
    ImportFixtures.write(root.resolve("c.png"), ImportFixtures.png(3));
    ImportFixtures.write(root.resolve("labels.jsonl"),
        "{\"filename\":\"a.png\",\"text\":\"\\u4e2d\\\"q\\\"\"}\n{\"image\":\"b.png\",\"label\":\"B\"}\n{\"filename\":\"c.png\",\"text\":null}\n");
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ImportSummary s = new Importer(ws).run(ImportRequest.of(root.resolve("labels.jsonl"), "j"), null, null);
      assertEquals(ImportFormat.JSONL, s.format());
      Map<String, String> m = labelsByOriginalName(ws, "j");
      assertEquals("中\"q\"", m.get("a.png"));
      assertEquals("B", m.get("b.png"));
      assertEquals(null, m.get("c.png"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ImportFormat.class)
  void exportThenImportGivesTheSameImagesAndLabels(ImportFormat format) throws Exception {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      Dataset d = ws.datasets().create("orig");
      StoreFixtures.addSamples(ws, d.id(), 30, "w");
      // Chinese, spaces and an unlabeled sample
      byte[] png = ImportFixtures.png(999);
      String sha = StoreFixtures.sha256(png);
      ws.images().put(sha, "png", png);
      ws.samples().addBatch(d.id(), List.of(
          new io.maskocr.engine.store.NewSample(sha, "png", 48, 16, "z.png", Split.TEST, "你好 world")), "t");
      byte[] png2 = ImportFixtures.png(1000);
      String sha2 = StoreFixtures.sha256(png2);
      ws.images().put(sha2, "png", png2);
      ws.samples().addBatch(d.id(), List.of(
          new io.maskocr.engine.store.NewSample(sha2, "png", 48, 16, "u.png", Split.TRAIN, null)), "t");

      Path out = tmp.resolve("out-" + format.code());
      ExportSummary e = new Exporter(ws).run(new ExportRequest("orig", format, out, null), null, null);
      assertEquals(32, e.written());
      assertEquals(0, e.labelsAltered());

      String pattern = format == ImportFormat.FOLDER ? "{label}_*" : null;
      ImportSummary s = new Importer(ws).run(new ImportRequest(out, "back", format, null, pattern), null, null);
      assertEquals(32, s.imported(), s.oneLine());
      Map<String, String> before = labelsBySha(ws, "orig");
      Map<String, String> after = labelsBySha(ws, "back");
      // LMDB has no "unlabeled": the exporter writes an empty label, which the importer reads back as unlabeled
      assertEquals(before, after);
    }
  }

  @Test
  void exportOfOneSplitAndRefusalToOverwrite() throws Exception {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      Dataset d = ws.datasets().create("d");
      List<Long> ids = StoreFixtures.addSamples(ws, d.id(), 10, "s");
      ws.samples().setSplit(ids.subList(0, 3), Split.TEST);
      Path out = tmp.resolve("o");
      ExportSummary e = new Exporter(ws).run(new ExportRequest("d", ImportFormat.TSV, out, Split.TEST), null, null);
      assertEquals(3, e.written());
      assertEquals(3, Files.readAllLines(out.resolve("labels.tsv")).size());
      IllegalArgumentException ex = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
          () -> new Exporter(ws).run(new ExportRequest("d", ImportFormat.TSV, out, null), null, null));
      assertTrue(ex.getMessage().contains("not empty"));
    }
  }

  @Test
  void cancellingKeepsWholeBatchesAndReportsIt() throws Exception {
    Path src = tmp.resolve("many");
    for (int i = 0; i < 50; i++) {
      ImportFixtures.write(src.resolve(i + ".png"), ImportFixtures.png(i + 10));
    }
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      List<ImportProgress> seen = new ArrayList<>();
      ImportSummary s = new Importer(ws, ImageLimits.DEFAULT, 1, 10)
          .run(ImportRequest.of(src, "c"), seen::add, () -> !seen.isEmpty());
      assertTrue(s.cancelled());
      assertEquals(10, s.imported(), "exactly the first committed batch");
      assertEquals(10, ws.samples().count(SampleQuery.of(ws.datasets().require("c").id(), 1)));
      assertEquals(50, seen.get(0).total());
      ImportSummary full = new Importer(ws).run(ImportRequest.of(src, "c"), null, null);
      assertFalse(full.cancelled());
      assertEquals(40, full.imported());
      assertEquals(10, full.duplicates());
    }
  }

  @Test
  void seederMakesOneDatasetPerSampleFolderOnce() throws Exception {
    Path datasets = tmp.resolve("samples/datasets");
    ImportFixtures.write(datasets.resolve("synth-words/img/0.png"), ImportFixtures.png(1));
    ImportFixtures.write(datasets.resolve("synth-words/img/1.png"), ImportFixtures.png(2));
    ImportFixtures.write(datasets.resolve("synth-words/labels.tsv"), "img/0.png\tzero\nimg/1.png\tone\n");
    ImportFixtures.write(datasets.resolve("other/labels.tsv"), "");
    Files.createDirectories(datasets.resolve("no-list"));
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      List<ImportSummary> s = WorkspaceOpener.seed(ws, datasets);
      assertEquals(List.of("other", "synth-words"), s.stream().map(ImportSummary::dataset).toList());
      assertEquals("zero", labelsByOriginalName(ws, "synth-words").get("img/0.png"));
      assertEquals(List.of(), WorkspaceOpener.seed(ws, datasets), "seeding twice adds nothing");
    }
  }

  static Map<String, String> labelsByOriginalName(Workspace ws, String dataset) {
    Map<String, String> m = new TreeMap<>();
    for (Sample s : all(ws, dataset)) {
      m.put(s.originalName(), s.label());
    }
    return m;
  }

  static Map<String, String> labelsBySha(Workspace ws, String dataset) {
    Map<String, String> m = new TreeMap<>();
    for (Sample s : all(ws, dataset)) {
      m.put(s.sha256(), s.label());
    }
    return m;
  }

  static List<Sample> all(Workspace ws, String dataset) {
    return ws.samples().page(SampleQuery.of(ws.datasets().require(dataset).id(), 10_000));
  }
}
