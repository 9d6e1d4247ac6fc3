package io.maskocr.app.cli;

import io.maskocr.engine.store.RunRecord;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.ModelSpec;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.RecipeData;
import io.maskocr.engine.train.Recipes;
import io.maskocr.engine.run.RunLauncher;
import io.maskocr.engine.run.Ticket;
import io.maskocr.engine.run.TrainingLock;
import io.maskocr.engine.train.TrainingEvent;
import io.maskocr.engine.train.TrainingOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code maskocr train}: runs a recipe with a live status line; Ctrl+C stops with a checkpoint. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train a recognizer with a recipe (built-in: quick, maskocr-cpu, scratch, maskocr, dptr, odm; or a JSON file).",
      "The run, its metrics and checkpoints are recorded in the workspace; Ctrl+C stops cleanly",
      "with a checkpoint and `--resume ID` continues at the same step with the same data order."
    })
public final class TrainCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin ThreadsOption threadsOption;
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin WorkspaceOption ws;

  @Option(names = "--recipe", paramLabel = "NAME|FILE", description = "Recipe name or JSON file.")
  String recipe;

  @Option(names = "--resume", paramLabel = "RUN", description = "Continue a stopped run from its last checkpoint.")
  Long resume;

  /** Both may be given: scale the recipe to N steps and stop anyway after M minutes. */
  static final class Budget {
    @Option(names = "--minutes", paramLabel = "M", description = {
        "Fit the schedule into M minutes: the pace is measured over each stage's first steps and the",
        "stages shrink so that warm-up and cosine decay end inside M minutes (never lengthened); the",
        "planned and fitted steps are kept in the run's schedule.json."})
    Double minutes;

    @Option(names = "--steps", paramLabel = "N", description = "Scale the recipe's stages to N steps in total (warm-up scaled along).")
    Long steps;
  }

  @Mixin Budget budget = new Budget();

  @Option(names = "--preset", paramLabel = "NAME", description = "Model size preset (tiny, small, base) instead of the recipe's.")
  String preset;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Model setting override, e.g. --set charset=latin36 --set device=gpu.")
  Map<String, String> overrides = new HashMap<>();

  @Option(names = "--name", description = "Display name of the run (default: the recipe name).")
  String name;

  @Option(names = "--init", paramLabel = "starter|RUN|DIR",
      description = "Start from these weights instead of the recipe's init: the bundled starter model, a run id, or a checkpoint folder.")
  String init;

  @Option(names = "--wait", description = "When another process trains on this workspace, wait for it instead of failing.")
  boolean waitForLock;

  @Override
  public Integer call() throws Exception {
    threadsOption.apply();
    java.io.PrintWriter out = spec.commandLine().getOut();
    if ((recipe == null) == (resume == null)) {
      throw new IllegalArgumentException("give either --recipe NAME|FILE for a new run or --resume RUN");
    }
    try (Workspace w = Workspace.open(ws.resolve())) {
      if (!waitForLock && TrainingLock.heldElsewhere(w.root())) {
        throw new IllegalStateException("another process is training on workspace " + w.root() + " ("
            + TrainingLock.holder(w.root()).orElse("holder unknown")
            + "): wait for it to end, stop it, or add --wait to queue behind it");
      }
      RunLauncher launcher = RunLauncher.of(w);
      Ticket ticket;
      Recipe r;
      TrainingOptions opts;
      if (resume != null) {
        RunRecord rec = w.runs().get(resume).orElseThrow(
            () -> new IllegalArgumentException("no run " + resume + " in workspace " + w.root()));
        r = Recipes.json().readValue(rec.recipeJson(), Recipe.class);
        opts = budget.minutes == null ? TrainingOptions.unlimited() : new TrainingOptions(-1, budget.minutes);
        ticket = launcher.resumeRun(rec.id(), null, opts);
      } else {
        r = Recipes.load(recipe);
        if (preset != null || !overrides.isEmpty()) {
          Map<String, Object> o = new HashMap<>(r.model().overrides());
          o.putAll(overrides);
          r = r.withModel(new ModelSpec(preset != null ? preset : r.model().preset(), o));
        }
        if (init != null) {
          r = r.withInit(init);
        }
        if (budget.steps != null) {
          r = r.scaledTo(budget.steps);
        }
        RecipeData.requireAvailable(r, w, recipe);
        opts = budget.minutes == null ? TrainingOptions.unlimited() : TrainingOptions.fittedTo(budget.minutes);
        ticket = launcher.submit(name, r, List.of(), "", null, opts);
      }
      long runId = ticket.runId();
      Path runDir = w.runs().dir(runId);
      StatusLine line = new StatusLine(out, System.console() != null);
      ticket.addListener(line::show);
      out.println("run " + runId + ": recipe " + r.name() + ", " + r.totalSteps() + " steps"
          + (opts.fitSchedule() ? " (fitted into " + budget.minutes + " min after the first steps)" : "")
          // with an init the model (size and charset) is the init checkpoint's, not the recipe's preset
          + (r.init() != null ? ", the model of " + r.init() : ", model " + r.model().preset()) + " (folder " + runDir + ")");
      TrainingEvent end;
      String said = null;
      while ((end = ticket.awaitEnd(2, TimeUnit.SECONDS)) == null) {
        if (ticket.state() == Ticket.State.WAITING && !ticket.waitingFor().equals(said)) {
          said = ticket.waitingFor();
          out.println("run " + runId + ": " + said);
          out.flush();
        }
      }
      line.finish();
      if (end instanceof TrainingEvent.Failed f) {
        throw new IllegalStateException("run " + runId + " failed at step " + f.step() + ": " + f.reason());
      }
      TrainingEvent.Finished f = (TrainingEvent.Finished) end;
      out.printf("run %d %s at step %d after %.1f min; resume with: maskocr train --resume %d%n",
          runId, f.completed() ? "completed" : "stopped", f.step(), f.elapsedSeconds() / 60, runId);
      return 0;
    }
  }
}
