package io.maskocr.engine.learn;

import io.maskocr.engine.MaskocrHome;
import io.maskocr.engine.annotate.CheckpointRef;
import io.maskocr.engine.io.WorkspaceOpener;
import io.maskocr.engine.pretrain.CharsetSyntheticSource;
import io.maskocr.engine.annotate.WorkspaceCheckpoints;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.Recipes;
import io.maskocr.engine.train.TrainingEvent;
import io.maskocr.engine.run.RunLauncher;
import io.maskocr.engine.run.Ticket;
import io.maskocr.engine.train.TrainingOptions;
import io.maskocr.engine.train.WorkspaceDataResolver;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Makes sure the Learn walk-through has a model to show: the workspace's newest checkpoint,
 * or, in a workspace without one, a small model trained there and then with the built-in
 * {@code quick} recipe (a few minutes on a CPU). When the recipe reads workspace datasets and
 * the workspace has none, the bundled {@code samples/datasets/} words are imported first.
 * The run is recorded like any other, so it also appears among the workspace's runs.
 */
public final class LearnModel {
  /** Name of the recipe trained when the workspace has no checkpoint. */
  public static final String RECIPE = "quick";

  /** Training progress, called from the trainer's event thread. */
  @FunctionalInterface
  public interface Progress {
    /**
     * @param step global step reached
     * @param total steps of the whole recipe
     * @param message one line for humans ("mim step 20/60, loss 0.83")
     */
    void update(long step, long total, String message);
  }

  private LearnModel() {}

  /**
   * The checkpoint to use: the newest one in {@code workspace}, else one trained now with
   * {@code recipe} (call off the UI thread: training takes minutes).
   *
   * @param cancelled polled about once a second; when it turns true training stops with a
   *     checkpoint and this throws {@link CancellationException}
   * @throws IllegalStateException with the trainer's reason when training fails
   */
  public static CheckpointRef ensure(Workspace workspace, Recipe recipe, Progress progress, BooleanSupplier cancelled)
      throws Exception {
    var existing = WorkspaceCheckpoints.newest(workspace);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (readsWorkspace(recipe) && workspace.datasets().list().isEmpty()) {
      progress.update(0, recipe.totalSteps(), "importing the bundled sample words to train on");
      WorkspaceOpener.seed(workspace, MaskocrHome.samples().resolve("datasets"));
    }
    Ticket ticket = RunLauncher.of(workspace).submit("learn: " + recipe.name(), recipe, List.of("learn"),
        "trained by the Learn section because the workspace had no model",
        new WorkspaceDataResolver(workspace, CharsetSyntheticSource::resolve), TrainingOptions.unlimited());
    long runId = ticket.runId();
    ticket.addListener(e -> {
      if (e instanceof TrainingEvent.Metrics m) {
        progress.update(m.step(), m.totalSteps(), String.format("training a small model (%s step %d/%d, loss %.3f)",
            m.stageType(), m.stageStep(), m.stageSteps(), m.loss()));
      } else if (e instanceof TrainingEvent.StageStarted s) {
        progress.update(s.step(), recipe.totalSteps(), "training a small model: stage " + s.stageType());
      }
    });
    progress.update(0, recipe.totalSteps(), "training a small model with recipe " + recipe.name() + " (first use only)");
    TrainingEvent end;
    boolean cancelAsked = false;
    do {
      if (!cancelAsked && cancelled.getAsBoolean()) {
        ticket.cancel();
        cancelAsked = true;
      }
      if (ticket.state() == Ticket.State.WAITING) {
        progress.update(0, recipe.totalSteps(), "run " + runId + " (Learn's first model) is " + ticket.waitingFor());
      }
      end = ticket.awaitEnd(1, TimeUnit.SECONDS);
    } while (end == null);
    if (end instanceof TrainingEvent.Failed f) {
      throw new IllegalStateException("training the Learn model failed at step " + f.step() + ": " + f.reason());
    }
    if (!((TrainingEvent.Finished) end).completed()) {
      throw new CancellationException("training stopped at step " + end.step()
          + "; the run is kept and Learn trains a new one next time");
    }
    return WorkspaceCheckpoints.newest(workspace).orElseThrow(
        () -> new IllegalStateException("training finished but run " + runId + " saved no checkpoint"));
  }

  /**
   * The checkpoint Learn shows: the newest one in {@code workspace}, else the bundled starter
   * model (registered as a run), else, in an installation without a starter, one trained now
   * with {@code recipe} (see {@link #ensure}).
   */
  public static CheckpointRef ensureWithStarter(Workspace workspace, Recipe recipe, Progress progress,
      BooleanSupplier cancelled) throws Exception {
    List<CheckpointRef> all = WorkspaceCheckpoints.listOrStarter(workspace);
    return all.isEmpty() ? ensure(workspace, recipe, progress, cancelled) : all.get(0);
  }

  /** The built-in recipe {@value #RECIPE}. */
  public static Recipe defaultRecipe() {
    return Recipes.load(RECIPE);
  }

  /** True when some stage of {@code r} reads workspace datasets (not only the renderer). */
  public static boolean readsWorkspace(Recipe r) {
    return r.stages().stream().flatMap(s -> s.data().stream()).anyMatch(d -> d.kind().equals("split"));
  }
}
