package io.maskocr.app.ui.experiments;

import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.model.ModelPresets;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.ModelSpec;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.Recipes;
import io.maskocr.engine.train.StageConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The "new run" form: pick a recipe, edit its stages and hyper-parameters, choose data, and
 * queue it. Validation runs on every edit ({@link #validate}) with the engine's own rules, so the
 * form refuses exactly what training would refuse, naming the stage and field.
 */
public final class NewRunViewModel {
  private final TaskExecutor executor;
  private final Supplier<Workspace> workspace;
  private final java.util.function.BiFunction<String, Recipe, Long> submit;
  private final Function<String, Recipe> loader;
  private final ObservableList<String> recipes = FXCollections.observableArrayList();
  private final ObservableList<String> datasets = FXCollections.observableArrayList("*");
  private final ObservableList<StageDraft> stages = FXCollections.observableArrayList();
  private final StringProperty recipe = new SimpleStringProperty();
  private final StringProperty name = new SimpleStringProperty("");
  private final StringProperty seed = new SimpleStringProperty("42");
  private final StringProperty preset = new SimpleStringProperty("tiny");
  private final StringProperty description = new SimpleStringProperty("");
  private final StringProperty error = new SimpleStringProperty("");
  private final StringProperty message = new SimpleStringProperty("");
  private final ObjectProperty<Recipe> loaded = new SimpleObjectProperty<>();

  /**
   * @param submit queues a validated recipe under a run name (runs off the UI thread), returns the run id
   * @param loader loads a recipe by built-in name or file ({@link Recipes#load})
   */
  public NewRunViewModel(TaskExecutor executor, Supplier<Workspace> workspace, java.util.function.BiFunction<String, Recipe, Long> submit,
      Function<String, Recipe> loader, List<String> builtIn) {
    this.executor = executor;
    this.workspace = workspace;
    this.submit = submit;
    this.loader = loader;
    recipes.setAll(builtIn);
    recipe.addListener((o, a, r) -> load(r));
    if (builtIn.contains(DEFAULT_RECIPE)) {
      recipe.set(DEFAULT_RECIPE);
    }
  }

  /** The recipe the form starts with: fine-tuning the bundled starter on the workspace's labels. */
  static final String DEFAULT_RECIPE = "maskocr-cpu";

  /** Reloads the workspace's dataset names (for the data choice). */
  public void refreshDatasets() {
    Workspace w = workspace.get();
    if (w == null) {
      return;
    }
    executor.execute(BackgroundTask.of("Listing datasets", ctx -> w.datasets().list().stream()
        .map(Dataset::name).toList()).quiet().onSuccess(names -> {
          List<String> all = new ArrayList<>();
          all.add("*");
          all.addAll(names);
          datasets.setAll(all);
        }));
  }

  private void load(String nameOrFile) {
    if (nameOrFile == null) {
      return;
    }
    try {
      Recipe r = loader.apply(nameOrFile);
      loaded.set(r);
      name.set(r.name());
      seed.set(Long.toString(r.seed()));
      preset.set(r.model().preset());
      description.set(r.description());
      List<StageDraft> drafts = new ArrayList<>();
      for (StageConfig s : r.stages()) {
        drafts.add(new StageDraft(s));
      }
      stages.setAll(drafts);
      error.set("");
    } catch (IllegalArgumentException e) {
      error.set(e.getMessage());
    }
  }

  /**
   * The recipe the form describes.
   *
   * @throws IllegalArgumentException with a message naming the stage and field
   */
  public Recipe build() {
    Recipe base = loaded.get();
    if (base == null) {
      throw new IllegalArgumentException("choose a recipe first");
    }
    long s;
    try {
      s = Long.parseLong(seed.get().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("seed must be a whole number, got '" + seed.get() + "'");
    }
    List<StageConfig> configs = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      configs.add(stages.get(i).build("stage " + (i + 1) + " (" + stages.get(i).type() + ")"));
    }
    Map<String, Object> overrides = new HashMap<>(base.model().overrides());
    ModelSpec model = new ModelSpec(preset.get(), overrides);
    model.resolve();
    return new Recipe(base.name(), base.description(), s, model, base.checkpointMinutes(), base.logEvery(),
        base.snapshotEvery(), configs, base.init());
  }

  /** Re-checks the form; the message names the first problem, empty when it is valid. */
  public boolean validate() {
    try {
      build();
      error.set("");
      return true;
    } catch (IllegalArgumentException e) {
      error.set(e.getMessage());
      return false;
    }
  }

  /** Queues the run (training starts when the queue is free). */
  public void start() {
    if (!validate()) {
      return;
    }
    Recipe r = build();
    String runName = name.get();
    executor.execute(BackgroundTask.of("Queuing run", ctx -> submit.apply(runName, r)).onSuccess(
        id -> message.set("Queued run " + id + " (" + r.totalSteps() + " steps); watch it under “Live”."))
        .onFailure(e -> error.set(e.getMessage())));
  }

  /** Model presets offered. */
  public List<String> presets() {
    return ModelPresets.names();
  }

  public ObservableList<String> recipes() {
    return recipes;
  }

  public ObservableList<String> datasets() {
    return datasets;
  }

  public ObservableList<StageDraft> stages() {
    return stages;
  }

  public StringProperty recipeProperty() {
    return recipe;
  }

  public StringProperty nameProperty() {
    return name;
  }

  public StringProperty seedProperty() {
    return seed;
  }

  public StringProperty presetProperty() {
    return preset;
  }

  public StringProperty descriptionProperty() {
    return description;
  }

  /** The first validation problem, empty when the form is valid. */
  public StringProperty errorProperty() {
    return error;
  }

  /** Outcome of the last start. */
  public StringProperty messageProperty() {
    return message;
  }
}
