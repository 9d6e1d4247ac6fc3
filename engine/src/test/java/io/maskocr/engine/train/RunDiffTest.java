package io.maskocr.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.model.TestModels;
import io.maskocr.engine.store.RunRecord;
import io.maskocr.engine.store.RunStatus;
import io.maskocr.engine.train.RunDifference.Aspect;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunDiffTest {
  private static final String SHA_A = "a".repeat(64);
  private static final String SHA_B = "b".repeat(64);

  private static Recipe recipe(double lr, long seed, String init) {
    Recipe r = DataProvenanceTest.recipe(TestModels.micro(), List.of(DataSpec.split("words", "all")),
        List.of(DataSpec.split("words", "train")));
    List<StageConfig> stages = List.of(r.stages().get(0), new StageConfig("finetune", 2, 4, lr, null, 1, null, null,
        null, null, r.stages().get(1).data()));
    return new Recipe(r.name(), r.description(), seed, r.model(), r.checkpointMinutes(), r.logEvery(),
        r.snapshotEvery(), stages, init);
  }

  private static RunProvenance provenance(Recipe r, long trainSamples, String trainSha, boolean dirty, String cpu) {
    RunProvenance p = RunProvenance.of("x", r, TestModels.micro(), "latin36", List.of(), 0);
    List<SourceProvenance> sources = List.of(
        SourceProvenance.of(0, r.stages().get(0), 0, 1, "every sample", new DataFingerprint(9, 8, SHA_A, null)),
        SourceProvenance.of(1, r.stages().get(1), 0, 2, "labelled", new DataFingerprint(trainSamples, 6, trainSha, null)));
    return new RunProvenance(p.runId(), r, p.model(), p.charset(), r.seed(), p.data(), "c".repeat(40), p.engine(),
        p.java(), p.os(), p.cpus(), p.startedAt(), 0, cpu, dirty, sources);
  }

  private static RunRecord run(long id, Recipe r, RunProvenance p) throws Exception {
    return new RunRecord(id, "run " + id, Recipes.json().writeValueAsString(r), r.seed(),
        Recipes.json().writeValueAsString(p), p.codeVersion(), p.machine(), RunStatus.COMPLETED,
        Instant.ofEpochSecond(id), null, null, List.of(), "");
  }

  @Test
  void runsWithTheSameInputsDifferInNothingEvenWhenStartedAtOtherTimes() throws Exception {
    Recipe r = recipe(1e-3, 7, null);
    RunDiff d = RunDiff.of(run(1, r, provenance(r, 7, SHA_B, false, "cpu")), run(2, r, provenance(r, 7, SHA_B, false, "cpu")));
    assertTrue(d.same(), d.lines().toString());
    assertEquals(List.of("runs 1 and 2: nothing differs"), d.lines());
  }

  @Test
  void namesEachDifferenceWithItsPathAndBothValues() throws Exception {
    Recipe a = recipe(1e-3, 7, null);
    Recipe b = recipe(5e-4, 8, "starter");
    RunDiff d = RunDiff.of(run(1, a, provenance(a, 7, SHA_A, false, "cpu one")),
        run(2, b, provenance(b, 9, SHA_B, true, "cpu two")));

    // minLr follows lr (lr / 100) and is written into the recipe, so it differs as well
    assertEquals(List.of("stages[1].lr", "stages[1].minLr"), d.of(Aspect.RECIPE).stream().map(RunDifference::path).toList());
    RunDifference lr = d.of(Aspect.RECIPE).get(0);
    assertEquals(1e-3, Double.parseDouble(lr.a()));
    assertEquals(5e-4, Double.parseDouble(lr.b()));

    String train = "stage 1 finetune, source 0 split words/train";
    assertEquals(List.of(new RunDifference(Aspect.DATA, train + ": samples", "7", "9"),
        new RunDifference(Aspect.DATA, train + ": fingerprint", SHA_A, SHA_B)), d.of(Aspect.DATA));
    assertEquals(List.of(new RunDifference(Aspect.CODE, "revision", "c".repeat(40), "c".repeat(40) + " (dirty)")),
        d.of(Aspect.CODE));
    RunDifference machine = d.of(Aspect.MACHINE).get(0);
    assertTrue(machine.a().startsWith("cpu one, ") && machine.b().startsWith("cpu two, "), machine.toString());
    assertEquals(List.of(new RunDifference(Aspect.SEED, "seed", "7", "8")), d.of(Aspect.SEED));
    assertEquals(List.of(new RunDifference(Aspect.INIT, "init", "none (random weights)", "starter")), d.of(Aspect.INIT));
    assertEquals(8, d.differences().size(), d.lines().toString());
    assertEquals("runs 1 (A) and 2 (B) differ in 8 places:", d.lines().get(0));
    assertTrue(d.lines().contains("  seed     seed: 7 vs 8"), d.lines().toString());
  }

  @Test
  void aRunRecordedBeforeFingerprintsSaysSoAndFallsBackToItsColumns() throws Exception {
    Recipe r = recipe(1e-3, 7, null);
    RunRecord old = new RunRecord(1, "old", Recipes.json().writeValueAsString(r), 7, "{\"data\":[]}", "abc",
        "Linux; Java 17; 2 CPUs", RunStatus.COMPLETED, Instant.EPOCH, null, null, List.of(), "");
    RunDiff d = RunDiff.of(old, run(2, r, provenance(r, 7, SHA_A, false, "cpu")));
    assertEquals(List.of(new RunDifference(Aspect.DATA, "sources", "not recorded", "2 recorded")), d.of(Aspect.DATA));
    assertEquals("abc", d.of(Aspect.CODE).get(0).a());
    assertEquals("Linux; Java 17; 2 CPUs", d.of(Aspect.MACHINE).get(0).a());
  }
}
