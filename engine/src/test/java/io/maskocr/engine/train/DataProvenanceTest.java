package io.maskocr.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.maskocr.engine.BuildRevision;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.TestModels;
import io.maskocr.engine.run.RunLauncher;
import io.maskocr.engine.run.StandardStages;
import io.maskocr.engine.run.Ticket;
import io.maskocr.engine.store.LabelSource;
import io.maskocr.engine.store.NewLabel;
import io.maskocr.engine.store.NewRun;
import io.maskocr.engine.store.RunRecord;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.SplitFingerprint;
import io.maskocr.engine.store.StoreFixtures;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run records what each stage read: per source its sample count and content fingerprint. */
class DataProvenanceTest {
  @TempDir Path dir;

  static Recipe recipe(ModelConfig c, List<DataSpec> mimData, List<DataSpec> ftData) {
    Map<String, Object> o = new HashMap<>(Map.of(
        "imageWidth", c.imageWidth(), "width", c.width(), "depth", c.depth(), "heads", c.heads(),
        "decoderDepth", c.decoderDepth(), "decoderHeads", c.decoderHeads(), "mimWidth", c.mimWidth(),
        "mimDepth", c.mimDepth(), "mimHeads", c.mimHeads(), "maxLength", c.maxLength()));
    o.put("charset", "latin36");
    return new Recipe("prov", "", 11L, new ModelSpec("tiny", o), 60.0, 5, 5, List.of(
        new StageConfig("mim", 2, 4, 1e-3, null, 1, null, null, null, new MaskSpec("random", 0.5), mimData),
        new StageConfig("finetune", 2, 4, 1e-3, null, 1, null, null, null, null, ftData)));
  }

  private static JsonNode train(Workspace ws, Recipe r) throws Exception {
    RunRecord run = ws.runs().create(new NewRun("r", Recipes.json().writeValueAsString(r), r.seed(), "{}", "", "",
        List.of(), ""));
    TrainingService s = new TrainingService(r, Long.toString(run.id()), ws.runs().dir(run.id()),
        new WorkspaceDataResolver(ws, null), new WorkspaceRunRecorder(ws, run.id()), StandardStages.registry(),
        TrainingOptions.unlimited());
    s.start();
    assertInstanceOf(TrainingEvent.Finished.class, s.awaitEnd(5, TimeUnit.MINUTES));
    RunRecord done = ws.runs().get(run.id()).orElseThrow();
    JsonNode row = Recipes.json().readTree(done.provenanceJson());
    JsonNode file = Recipes.json().readTree(ws.runs().dir(run.id()).resolve("provenance.json").toFile());
    assertEquals(file, row, "the run row and the run folder hold the same provenance");
    assertEquals(RunProvenance.machine(row.path("cpuModel").asText(), row.path("cpus").asInt(),
        row.path("os").asText(), row.path("java").asText()), done.machine());
    assertEquals(BuildRevision.current().describe(), done.codeVersion());
    return row;
  }

  @Test
  void eachStageRecordsItsSourcesAndARelabelChangesTheFingerprint() throws Exception {
    ModelConfig c = TestModels.micro();
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      long d = ws.datasets().getOrCreate("words").id();
      List<Long> ids = StoreFixtures.addSamples(ws, d, 6, "w");
      ws.samples().setSplit(List.of(ids.get(5)), Split.VAL);
      Path folder = Files.createDirectories(dir.resolve("dev"));
      Files.write(folder.resolve("a.png"), StoreFixtures.png(3, 40, 16));
      Files.writeString(folder.resolve("labels.tsv"), "a.png\tab\n");
      Recipe r = recipe(c, List.of(DataSpec.split("words", "all")),
          List.of(DataSpec.split("words", "train", 0.5), new DataSpec("folder", null, null, folder.toString(), 0.5,
              null, null)));

      JsonNode first = train(ws, r).path("sources");
      assertEquals(3, first.size(), first.toString());
      JsonNode mim = first.get(0);
      assertEquals("mim", mim.path("stageType").asText());
      assertEquals(6, mim.path("samples").asLong(), "split all: every sample of the dataset");
      assertEquals("every sample", mim.path("filter").asText());
      JsonNode ft = first.get(1);
      assertEquals(1, ft.path("stage").asInt());
      assertEquals("train", ft.path("split").asText());
      assertEquals(5, ft.path("samples").asLong());
      assertEquals(5, ft.path("labelled").asLong());
      assertEquals(0.5, ft.path("augment").asDouble());
      assertTrue(ft.path("filter").asText().startsWith("labelled, encodable in latin36"), ft.toString());
      SplitFingerprint trainSplit = ws.samples().fingerprint(d, Split.TRAIN);
      assertEquals(trainSplit.sha256(), ft.path("fingerprint").asText());
      JsonNode dev = first.get(2);
      assertEquals("folder", dev.path("kind").asText());
      assertEquals(1, dev.path("samples").asLong());
      assertEquals(64, dev.path("fingerprint").asText().length());

      ws.labels().append(new NewLabel(ids.get(0), "w0x", "me", LabelSource.HUMAN));
      JsonNode second = train(ws, r).path("sources");
      assertNotEquals(ft.path("fingerprint"), second.get(1).path("fingerprint"), "a changed label changes it");
      assertEquals(5, second.get(1).path("samples").asLong());
      assertEquals(dev.path("fingerprint"), second.get(2).path("fingerprint"), "the folder did not change");
      assertEquals(ft.path("seed"), second.get(1).path("seed"), "same recipe, same source seed");
    }
  }

  @Test
  void aRunQueuedWithItsOwnResolverStillRecordsTheWorkspaceFingerprint() throws Exception {
    ModelConfig c = TestModels.micro();
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      long d = ws.datasets().getOrCreate("words").id();
      StoreFixtures.addSamples(ws, d, 4, "w");
      WorkspaceDataResolver workspaceImages = new WorkspaceDataResolver(ws, null);
      // as Annotate's fine-tune does: a resolver of its own that knows nothing of fingerprints
      DataResolver own = (spec, config, seed) -> workspaceImages.resolve(spec, config, seed);
      Recipe r = recipe(c, List.of(DataSpec.split("words", "train")), List.of(DataSpec.split("words", "train")));
      Ticket t = RunLauncher.of(ws).submit("own", r, List.of(), "", own, TrainingOptions.unlimited());
      assertInstanceOf(TrainingEvent.Finished.class, t.awaitEnd(5, TimeUnit.MINUTES));
      JsonNode sources = Recipes.json().readTree(ws.runs().get(t.runId()).orElseThrow().provenanceJson()).path("sources");
      assertEquals(ws.samples().fingerprint(d, Split.TRAIN).sha256(), sources.get(1).path("fingerprint").asText());
      assertEquals(4, sources.get(1).path("samples").asLong());
      RunLauncher.of(ws).close();
    }
  }

  @Test
  void syntheticDataIsNamedByItsRendererConfigAndASplitWithoutWorkspaceIsUnknown() {
    DataFingerprint synthetic = DataFingerprints.of(null, DataSpec.synthetic());
    assertEquals(-1, synthetic.samples());
    assertEquals(64, synthetic.rendererConfigHash().length());
    assertEquals(synthetic.rendererConfigHash(), synthetic.sha256());
    assertEquals(DataFingerprint.unknown(), DataFingerprints.of(null, DataSpec.split("words", "train")));
    try (Workspace ws = Workspace.open(dir.resolve("empty"))) {
      assertEquals(DataFingerprint.unknown(), DataFingerprints.of(ws, DataSpec.split("glyphs", "train")),
          "a split the workspace does not hold (served by a caller's resolver) is unknown, not an error");
    }
    DataResolver plain = (spec, config, seed) -> null;
    assertEquals(DataFingerprint.unknown(), plain.fingerprint(DataSpec.split("words", "train")),
        "a resolver that knows no workspace cannot fingerprint a split");
  }

  @Test
  void oneMachineStringForRunsAndReports() {
    RunProvenance p = RunProvenance.of("x", recipe(TestModels.micro(), List.of(DataSpec.synthetic()),
        List.of(DataSpec.synthetic())), TestModels.micro(), "latin36", List.of(), 0);
    assertEquals(RunProvenance.thisMachine(), p.machine());
    assertTrue(p.machine().contains(p.cpus() + " cores") && p.machine().contains("Java " + p.java()), p.machine());
    assertEquals(BuildRevision.current().commit(), p.gitRevision());
    assertEquals(p.gitDirty() ? p.gitRevision() + " (dirty)" : p.gitRevision(), p.codeVersion());
  }
}
