package io.maskocr.engine.infer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.Recipes;
import io.maskocr.engine.train.StageConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecognizerJointTest {

  private static Recipe withStages(Recipe base, List<StageConfig> stages) {
    return new Recipe(base.name(), base.description(), base.seed(), base.model(), base.checkpointMinutes(),
        base.logEvery(), base.snapshotEvery(), stages);
  }

  @Test
  void builtInRecipesTeachTheCtcHead() {
    for (String name : List.of("quick", "maskocr-cpu", "scratch", "dptr")) {
      assertTrue(Recognizer.trainsCtcHead(Recipes.load(name)), name);
    }
  }

  @Test
  void aCheckpointWithoutCtcTrainingReadsWithTheDecoderAlone() {
    Recipe quick = Recipes.load("quick");
    StageConfig finetune = quick.stages().get(quick.stages().size() - 1);
    StageConfig noCtc = new StageConfig(finetune.type(), finetune.steps(), finetune.batchSize(), finetune.lr(),
        finetune.minLr(), finetune.warmupSteps(), finetune.weightDecay(), finetune.clipNorm(),
        finetune.labelSmoothing(), finetune.mask(), finetune.data(), Map.of("ctcWeight", 0.0));
    assertFalse(Recognizer.trainsCtcHead(withStages(quick, List.of(noCtc))));
    assertFalse(Recognizer.trainsCtcHead(withStages(quick, List.of(quick.stages().get(0)))), "mim alone");
    assertFalse(Recognizer.trainsCtcHead(null), "checkpoints without a recipe");
  }
}
