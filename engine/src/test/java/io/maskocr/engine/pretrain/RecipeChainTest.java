package io.maskocr.engine.pretrain;

import io.maskocr.engine.run.StandardStages;
import static io.maskocr.engine.pretrain.PretrainFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.model.Tensor;
import io.maskocr.engine.train.MaskSpec;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.Recipes;
import io.maskocr.engine.train.StageConfig;
import io.maskocr.engine.train.StageRegistry;
import io.maskocr.engine.train.TrainingEvent;
import io.maskocr.engine.train.TrainingOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stages of a recipe hand their weights on through the run's checkpoints. */
class RecipeChainTest {

  @Test
  void maskocrRecipeChainsMimThenFrozenEncoderMilmThenFinetune(@TempDir Path dir) throws Exception {
    Recipe r = recipe(
        stage("mim", 4, 2e-3, new MaskSpec("random", 0.5), null, real()),
        stage("milm", 4, 2e-3, new MaskSpec("character", 0.3), null, real()),
        stage("finetune", 4, 2e-3, null, null, real()));
    assertInstanceOf(TrainingEvent.Finished.class, train(r, dir, new TrainingOptions(4, 0)));
    Map<String, Tensor> encAfterMim = weights(dir, 4, "encoder.");
    Map<String, Tensor> decAfterMim = weights(dir, 4, "decoder.");
    List<TrainingEvent> events = new CopyOnWriteArrayList<>();
    assertInstanceOf(TrainingEvent.Finished.class, train(r, dir, new TrainingOptions(8, 0), events));
    assertTrue(identical(encAfterMim, weights(dir, 8, "encoder.")), "milm must keep the MIM encoder");
    assertFalse(identical(decAfterMim, weights(dir, 8, "decoder.")), "milm must train the decoder");
    Map<String, Tensor> encAfterMilm = weights(dir, 8, "encoder.");
    TrainingEvent end = train(r, dir, TrainingOptions.unlimited(), events);
    assertEquals(12, end.step());
    assertFalse(identical(encAfterMilm, weights(dir, 12, "encoder.")), "finetune must train the encoder");
    List<String> started = events.stream().filter(e -> e instanceof TrainingEvent.StageStarted)
        .map(e -> ((TrainingEvent.StageStarted) e).stageType() + "@" + e.step()).distinct().toList();
    assertEquals(List.of("milm@4", "finetune@8"), started);
  }

  @Test
  void builtInPretrainingRecipesParseAndUseKnownStages() {
    StageRegistry registry = StandardStages.registry();
    for (String name : List.of("maskocr", "dptr", "odm")) {
      Recipe r = Recipes.load(name);
      assertEquals(name, r.name());
      for (StageConfig s : r.stages()) {
        assertTrue(registry.types().contains(s.type()), name + ": unknown stage " + s.type());
      }
      assertEquals("finetune", r.stages().get(r.stages().size() - 1).type(), name + " must end in fine-tuning");
    }
    assertEquals(List.of("mim", "milm", "finetune"),
        Recipes.load("maskocr").stages().stream().map(StageConfig::type).toList());
    assertEquals(0.1, Recipes.load("dptr").stages().get(0).param("orpScale", 0), 1e-12);
  }
}
