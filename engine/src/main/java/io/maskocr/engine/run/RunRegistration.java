package io.maskocr.engine.run;

import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.Recipes;
import io.maskocr.engine.train.RunProvenance;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.store.NewRun;
import io.maskocr.engine.store.RunRecord;
import io.maskocr.engine.store.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one place a new training run is recorded: its row in the workspace (recipe, seed,
 * provenance, code revision, machine), its folder, and the folder's {@code recipe.json}. The CLI,
 * New run, Learn, Annotate's fine-tune and the low-label study all record through here, so every
 * run describes its machine the same way.
 */
public final class RunRegistration {
  private RunRegistration() {}

  /**
   * Records a new run of {@code recipe}.
   *
   * @param name display name; blank means the recipe's name
   * @param tags labels shown in the runs table (may be empty)
   * @param notes free text for the run's notes (may be empty)
   * @throws IllegalArgumentException when the recipe's model preset or overrides are invalid
   */
  public static RunRecord register(Workspace workspace, String name, Recipe recipe, List<String> tags, String notes)
      throws IOException {
    ModelConfig config = recipe.model().resolve(); // fails fast on a bad preset or override
    RunProvenance p = RunProvenance.of("new", recipe, config, config.charset(), List.of(), 0);
    String recipeJson = Recipes.json().writeValueAsString(recipe);
    RunRecord rec = workspace.runs().create(new NewRun(name == null || name.isBlank() ? recipe.name() : name,
        recipeJson, recipe.seed(), Recipes.json().writeValueAsString(p), p.codeVersion(), p.machine(),
        tags, notes == null ? "" : notes));
    Path dir = workspace.runs().dir(rec.id());
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("recipe.json"), recipeJson);
    return rec;
  }
}
