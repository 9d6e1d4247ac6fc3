package io.maskocr.engine.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.data.DataSource;
import io.maskocr.engine.io.Json;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.SampleQuery;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.DataProvenance;
import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.ModelSpec;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.RecipeData;
import io.maskocr.engine.train.SourceProvenance;
import io.maskocr.engine.train.StageConfig;
import io.maskocr.engine.train.WorkspaceDataResolver;
import java.awt.Color;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pseudo source trains on confident readings, says so in the provenance, and never touches labels. */
class PseudoLabelProvenanceTest {
  /** Between red and white: the tiny model reads "a" at about 0.7. */
  private static final Color PINK = new Color(255, 120, 120);

  @TempDir Path tmp;

  @Test
  void pseudoSourceKeepsConfidentReadingsAndRecordsModelThresholdAndCounts() throws Exception {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      Path src = tmp.resolve("src");
      ExternalModel m = ExternalModels.add(ws, TinyModels.write(src, "ctc.onnx", TinyModels.ctc(false)),
          ExternalKind.PPOCR_REC, TinyModels.keys(src, TinyModels.KEYS), "teacher", null);
      long dataset = ws.datasets().create("crops").id();
      TinyModels.addSamples(ws, dataset, List.of(
          TinyModels.blocks(8, 48, Color.RED, Color.GREEN),   // "ab", confident: kept
          TinyModels.blocks(8, 48, Color.BLUE),               // "c", confident: kept
          TinyModels.blocks(8, 48, PINK),                     // "a" at ~0.7: dropped
          TinyModels.blocks(8, 48, Color.WHITE),              // nothing read: dropped
          TinyModels.blocks(8, 48, Color.RED, Color.BLUE)),   // labelled by a person: not a pseudo crop
          Arrays.asList(null, null, null, null, "a c"), Split.TRAIN);

      DataSpec spec = DataSpec.pseudo("teacher", "crops", "train", 0.9);
      StageConfig stage = new StageConfig("finetune", 1, 2, 1e-3, null, 1, null, null, null, null, List.of(spec), null);
      ModelSpec micro = new ModelSpec("tiny", Map.of("imageWidth", 64, "width", 32, "depth", 1, "heads", 2,
          "decoderDepth", 1, "decoderHeads", 2, "maxLength", 8, "charset", "latin36"));
      Recipe recipe = new Recipe("pseudo", "", 1L, micro, 60.0, 1, 100, List.of(stage));
      RecipeData.requireAvailable(recipe, ws, "test");
      WorkspaceDataResolver resolver = new WorkspaceDataResolver(ws, null);
      DataSource source = resolver.resolve(spec, micro.resolve(), 7);
      assertTrue(source.describe().contains("pseudo-labels"), source.describe());
      assertEquals(2, source.size());

      List<SourceProvenance> prov = DataProvenance.of(recipe, List.of(), resolver);
      assertEquals(1, prov.size());
      SourceProvenance p = prov.get(0);
      assertEquals("pseudo", p.kind());
      assertEquals(2, p.samples());
      assertEquals(m.key(), p.pseudo().model());
      assertEquals(m.sha256(), p.pseudo().modelSha256());
      assertEquals(0.9, p.pseudo().minConfidence());
      assertEquals(2, p.pseudo().kept());
      assertEquals(2, p.pseudo().dropped());
      assertEquals(64, p.fingerprint().length());
      SourceProvenance back = Json.mapper().readValue(Json.mapper().writeValueAsString(p), SourceProvenance.class);
      assertEquals(p, back);

      // the readings are predictions, never labels: no crop gained a label or a history entry
      for (Sample s : ws.samples().page(SampleQuery.of(dataset, 10))) {
        if (s.originalName().equals("c4.png")) {
          assertEquals("a c", s.label());
          assertEquals(1, ws.labels().history(s.id()).size());
        } else {
          assertNull(s.label(), s.originalName());
          assertTrue(ws.labels().history(s.id()).isEmpty(), s.originalName());
        }
      }
    }
  }

  @Test
  void otherSourcesRecordNoPseudoAndOldProvenanceStillReads() throws Exception {
    String old = "{\"stage\":0,\"stageType\":\"finetune\",\"source\":0,\"kind\":\"split\",\"dataset\":\"d\","
        + "\"split\":\"train\",\"path\":null,\"style\":null,\"weight\":1.0,\"augment\":0.0,\"seed\":1,\"filter\":\"\","
        + "\"samples\":3,\"labelled\":3,\"fingerprint\":\"x\",\"rendererConfigHash\":null}";
    assertNull(Json.mapper().readValue(old, SourceProvenance.class).pseudo());
    assertTrue(!Json.mapper().writeValueAsString(DataSpec.split("d", "train")).contains("model"),
        "recipes without pseudo sources are written as before");
  }

  @Test
  void runDiffShowsAnotherTeacherAsAnotherSource() {
    String source = "{\"sources\":[{\"stage\":0,\"stageType\":\"finetune\",\"source\":0,\"kind\":\"pseudo\","
        + "\"dataset\":\"crops\",\"split\":\"train\",\"samples\":2,\"fingerprint\":\"f\","
        + "\"pseudo\":{\"model\":\"%s\",\"minConfidence\":0.9,\"kept\":2,\"dropped\":1}}]}";
    io.maskocr.engine.train.RunDiff d = io.maskocr.engine.train.RunDiff.of(
        run(1, source.formatted("model:ppocr@aaa")), run(2, source.formatted("model:parseq@bbb")));
    String lines = String.join("\n", d.lines());
    assertTrue(lines.contains("pseudo crops/train by model:ppocr@aaa") && lines.contains("pseudo crops/train by model:parseq@bbb"),
        lines);
  }

  private static io.maskocr.engine.store.RunRecord run(long id, String provenance) {
    return new io.maskocr.engine.store.RunRecord(id, "r" + id, "{}", 1, provenance, "c", "m",
        io.maskocr.engine.store.RunStatus.COMPLETED, java.time.Instant.EPOCH, null, null, List.of(), "");
  }

  @Test
  void pseudoSourceNamingAMissingModelIsRefusedBeforeTheRunStarts() throws Exception {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      ws.datasets().create("crops");
      StageConfig stage = new StageConfig("finetune", 1, 2, 1e-3, null, 1, null, null, null, null,
          List.of(DataSpec.pseudo("nope", "crops", null, null)), null);
      Recipe recipe = new Recipe("pseudo", "", 1L, new ModelSpec("tiny", Map.of()), 60.0, 1, 100, List.of(stage));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> RecipeData.requireAvailable(recipe, ws, "r.json"));
      assertTrue(e.getMessage().contains("r.json") && e.getMessage().contains("no external model 'nope'"), e.getMessage());
      assertThrows(IllegalArgumentException.class, () -> DataSpec.pseudo("m", "crops", null, 1.5));
    }
  }
}
