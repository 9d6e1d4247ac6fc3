package io.maskocr.engine.pretrain;

import static io.maskocr.engine.pretrain.PretrainFixtures.*;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import io.maskocr.engine.model.GradMode;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.model.Tensor;
import io.maskocr.engine.model.TensorFile;
import io.maskocr.engine.train.AuxiliaryWeights;
import io.maskocr.engine.train.Checkpoints;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.StageContext;
import io.maskocr.engine.train.TrainingEvent;
import io.maskocr.engine.train.TrainingOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints keep ODM's pixel head; viewers draw with it, and fall back to a fitted head only without one. */
class OdmHeadCheckpointTest {
  private static final String HEAD = OdmStage.HEAD_FILE + ".tensors";

  private static Recipe odmThenFinetune(int odmSteps, int finetuneSteps) {
    return recipe(stage("odm", odmSteps, 3e-3, null, Map.of(), synthetic()),
        stage("finetune", finetuneSteps, 3e-3, null, null, synthetic()));
  }

  @Test
  void theSavedHeadDrawsExactlyWhatTheHeadInTrainingDrew(@TempDir Path runDir) throws Exception {
    Recipe r = odmThenFinetune(4, 2);
    try (MaskOcrModel m = MaskOcrModel.create(r.model().resolve(), io.maskocr.engine.model.CharacterSet.fromSpec(
        r.model().resolve().charset()))) {
      GradMode.disableOnThisThread();
      AuxiliaryWeights aux = AuxiliaryWeights.none();
      OdmStage stage = new OdmStage(r.stages().get(0), new StageContext(m.config(), m.charset(), null, 3, aux));
      stage.auxiliaryParameters(m);
      SyntheticText.Item item = new SyntheticText(m.config(), m.charset(), 11, null).item(5);
      SplittableRandom rnd = new SplittableRandom(4);
      ControlledText text = ControlledText.of(item, new TextController(0.3, 0.3, 0.5)
          .choose(item.sample().label().length(), rnd), m.charset(), m.config(), rnd);
      OdmProbe.Result before;
      try (NDScope scope = new NDScope(); NDManager mgr = m.manager().newSubManager()) {
        before = stage.probe(m, m.newParameterStore(), mgr, stage.batch(List.of(item), List.of(text)));
      }
      Path dir = Checkpoints.save(runDir, Checkpoints.info("t", 4, 1, 0, m, r), m, null, aux);
      assertTrue(Files.isRegularFile(dir.resolve(HEAD)), "no " + HEAD + " in " + dir);

      try (OdmHeadReader reader = OdmHeadReader.open(runDir, 3, 9)) {
        assertTrue(reader.trained(), reader.origin());
        assertTrue(reader.origin().contains("trained in this run's odm stage (4 steps)"), reader.origin());
        OdmProbe.Result after = reader.draw(item, text);
        assertArrayEquals(before.predictedInk(), after.predictedInk(), "the loaded head must draw bit-identically");
        assertArrayEquals(before.targetInk(), after.targetInk());
        assertEquals(before.prompt(), after.prompt());
      }
      try (OdmHeadReader fitted = OdmHeadReader.open(runDir, 2, 9, false)) {
        assertFalse(fitted.trained(), "a fresh head was asked for");
        assertTrue(fitted.origin().startsWith("The trained ODM head is set aside on request"), fitted.origin());
      }
    }
  }

  @Test
  void aRunStoppedInsideOdmResumesWithItsHeadAndCarriesItThroughFinetuning(@TempDir Path a, @TempDir Path b)
      throws Exception {
    Recipe r = odmThenFinetune(6, 3);
    assertEquals(3, train(r, a, new TrainingOptions(3, 0)).step()); // stopped inside odm
    assertEquals(7, train(r, a, new TrainingOptions(7, 0)).step()); // resumed, stopped inside finetune
    TrainingEvent end = train(r, a, TrainingOptions.unlimited()); // finetune only: odm does not run
    assertInstanceOf(TrainingEvent.Finished.class, end);
    assertEquals(9, end.step());
    assertTrue(identical(weights(a, 7, HEAD, ""), weights(a, 9, HEAD, "")), "the head must be carried unchanged");
    assertFalse(Files.exists(checkpoint(a, 9).resolve(DptrStage.FMU_FILE + ".tensors")), "no FMU in an odm run");

    assertEquals(9, train(r, b, TrainingOptions.unlimited()).step());
    // Same data order and optimizer state: only a head restored at the resume gives the same head
    // as the uninterrupted run (a fresh head would differ everywhere).
    Map<String, Tensor> resumed = weights(a, 9, HEAD, "");
    Map<String, Tensor> straight = weights(b, 9, HEAD, "");
    assertEquals(straight.keySet(), resumed.keySet());
    for (String k : straight.keySet()) {
      assertArrayEquals(straight.get(k).data(), resumed.get(k).data(), 1e-4f, k);
    }
  }

  @Test
  void aCheckpointWithoutHeadGetsOneFittedOnAFreshThreadAndSaysSo(@TempDir Path runDir) throws Exception {
    Recipe r = recipe(stage("finetune", 2, 3e-3, null, null, synthetic()));
    assertEquals(2, train(r, runDir, TrainingOptions.unlimited()).step());
    assertFalse(Files.exists(checkpoint(runDir, 2).resolve(HEAD)));
    // the viewers open it on a worker thread, where autograd recording starts switched on
    java.util.concurrent.FutureTask<OdmHeadReader> open = new java.util.concurrent.FutureTask<>(
        () -> OdmHeadReader.open(runDir, 2, 1));
    new Thread(open, "fresh-worker").start();
    try (OdmHeadReader reader = open.get()) {
      assertFalse(reader.trained());
      assertTrue(reader.origin().contains("no odm stage") && reader.origin().contains("fitted for 2 steps"),
          reader.origin());
      OdmProbe.Result w = reader.word(0);
      assertEquals(w.height() * w.width(), w.predictedInk().length);
    }
  }

  @Test
  void aSideFileOfAnotherShapeIsRefusedNamingTheFile(@TempDir Path runDir) throws Exception {
    Recipe r = odmThenFinetune(2, 1);
    assertEquals(2, train(r, runDir, new TrainingOptions(2, 0)).step());
    Path file = checkpoint(runDir, 2).resolve(HEAD);
    Map<String, Tensor> bad = new LinkedHashMap<>();
    TensorFile.read(file).forEach((k, v) -> bad.put(k, new Tensor(new long[] {1}, new float[] {0f})));
    TensorFile.write(file, bad);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OdmHeadReader.open(runDir, 1, 1));
    assertTrue(e.getMessage().contains(HEAD) && e.getMessage().contains("shape"), e.getMessage());
  }
}
