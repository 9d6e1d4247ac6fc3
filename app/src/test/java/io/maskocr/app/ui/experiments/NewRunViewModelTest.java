package io.maskocr.app.ui.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.task.CurrentThreadTaskExecutor;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.Recipes;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewRunViewModelTest {
  final List<Recipe> submitted = new ArrayList<>();
  final NewRunViewModel model = new NewRunViewModel(new CurrentThreadTaskExecutor(), () -> null,
      (name, r) -> {
        submitted.add(r);
        return 5L;
      }, Recipes::load, Recipes.builtIn());

  @Test
  void choosingARecipeFillsTheFormWithItsStagesAndStartQueuesTheEditedRecipe() {
    Recipe quick = Recipes.load("quick");
    model.recipeProperty().set("quick");
    assertEquals(quick.stages().size(), model.stages().size());
    assertEquals("mim", model.stages().get(0).type());
    assertEquals(quick.stages().get(0).steps().toString(), model.stages().get(0).steps.get());
    assertEquals(quick.stages().get(0).mask().ratio().toString(), model.stages().get(0).maskRatio.get());
    model.stages().get(0).steps.set("40");
    model.stages().get(0).maskStrategy.set("block");
    model.seedProperty().set("9");
    model.start();
    assertEquals("", model.errorProperty().get());
    assertEquals(1, submitted.size());
    Recipe r = submitted.get(0);
    assertEquals(40, r.stages().get(0).steps());
    assertEquals("block", r.stages().get(0).mask().strategy());
    assertEquals(9L, r.seed());
    assertEquals(quick.totalSteps() - quick.stages().get(0).steps() + 40, r.totalSteps());
    assertTrue(model.messageProperty().get().startsWith("Queued run 5"));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "0|steps|ten|stage 1 (mim): steps must be a whole number, got 'ten'",
    "0|steps|0|stage 1 (mim): stage mim needs \"steps\" > 0, got 0",
    "0|maskRatio|0.99|stage 1 (mim): mask ratio must be within 0..0.95, got 0.99",
    "1|lr|-1|stage 2 (finetune): learning rate must be a number >= 0, got '-1'",
    "1|dataKind|folder|stage 2 (finetune): data of kind folder needs \"path\"",
  })
  void badValuesAreRefusedNamingTheStageAndField(int stage, String field, String value, String message) {
    model.recipeProperty().set("quick");
    StageDraft d = model.stages().get(stage);
    switch (field) {
      case "steps" -> d.steps.set(value);
      case "maskRatio" -> d.maskRatio.set(value);
      case "lr" -> d.lr.set(value);
      default -> d.dataKind.set(value);
    }
    assertFalse(model.validate());
    assertEquals(message, model.errorProperty().get());
    model.start();
    assertEquals(List.of(), submitted);
  }
}
