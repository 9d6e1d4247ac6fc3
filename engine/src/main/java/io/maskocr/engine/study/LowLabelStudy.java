package io.maskocr.engine.study;

import io.maskocr.engine.data.LabeledImage;
import io.maskocr.engine.data.Seeds;
import io.maskocr.engine.data.WorkspaceImages;
import io.maskocr.engine.infer.WorkspaceEvaluation;
import io.maskocr.engine.metrics.EvaluationReport;
import io.maskocr.engine.model.EngineInfo;
import io.maskocr.engine.store.RunRecord;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.ModelSpec;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.Recipes;
import io.maskocr.engine.train.RunProvenance;
import io.maskocr.engine.train.TrainingEvent;
import io.maskocr.engine.run.RunLauncher;
import io.maskocr.engine.run.RunRegistration;
import io.maskocr.engine.run.Ticket;
import io.maskocr.engine.train.TrainingOptions;
import io.maskocr.engine.train.WorkspaceDataResolver;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a low-label study: each recipe on each labelled share of the train split, with the same
 * seed and the same budget per run, then evaluates every run on the test split.
 *
 * <p>A step budget ({@link StudyConfig#steps()}) scales each recipe to its number of steps (stage
 * proportions kept), with the time as an optional cap. A time budget: the cost of one step of each stage type is measured first (a few steps each); every
 * recipe is then scaled, keeping its stages' step proportions, so that its estimated time is
 * 90% of the budget, and the budget is also enforced as a hard cap (a capped run stops with a
 * checkpoint and is evaluated as it is, marked not completed). So pre-training is not free: it
 * takes time a scratch run spends fine-tuning, which is the fair comparison on one machine.
 *
 * <p>Labelled subsets are nested (the 1% set is inside the 10% set) and the same for every recipe.
 * Runs are ordinary workspace runs (metrics, checkpoints, evaluation stored with them).
 */
public final class LowLabelStudy {
  private static final double FILL = 0.9;
  private static final int CALIBRATION_STEPS = 14;

  /** Progress of a study; every method is called on the study's thread. */
  public interface Listener {
    /** A line worth showing. */
    default void message(String line) {}

    /** A training event of the current run (or of a calibration run). */
    default void event(TrainingEvent e) {}

    /** A run ended and was evaluated. */
    default void runFinished(StudyRow row, int done, int total) {}
  }

  private final Workspace ws;
  private final StudyConfig config;
  private final Listener listener;
  private final String command;
  private volatile Ticket current;
  private volatile boolean cancelled;

  /**
   * @param command the command line (recorded in the report)
   */
  public LowLabelStudy(Workspace ws, StudyConfig config, Listener listener, String command) {
    this.ws = ws;
    this.config = config;
    this.listener = listener;
    this.command = command;
  }

  /** Stops the current run (with a checkpoint) and skips the remaining ones. */
  public void cancel() {
    cancelled = true;
    Ticket t = current;
    if (t != null) {
      t.cancel();
    }
  }

  /** Runs the study on the calling thread and returns its report (not yet written). */
  public StudyReport run() throws IOException, InterruptedException {
    String started = Instant.now().toString();
    List<Recipe> recipes = new ArrayList<>();
    for (String name : config.recipes()) {
      recipes.add(prepare(Recipes.load(name)));
    }
    List<LabeledImage> train = WorkspaceImages.load(ws, config.dataset(), Split.TRAIN, true);
    List<LabeledImage> order = new ArrayList<>(train);
    Collections.shuffle(order, new java.util.Random(Seeds.mix(config.seed(), 0x51)));
    List<LabeledImage> unlabelled = train.stream().map(i -> new LabeledImage(i.id(), i.image(), null, null)).toList();
    listener.message("dataset " + config.dataset() + ": " + train.size() + " labelled train images; "
        + (config.stepBudget() ? config.budget() : "measuring step costs"));
    // a step budget needs no calibration: the recipes are scaled to their step counts
    StepCosts costs = config.stepBudget() ? StepCosts.of(java.util.Map.of())
        : StepCosts.measure(recipes, resolver(order, 1.0, unlabelled), listener, CALIBRATION_STEPS);
    List<StudyRow> rows = new ArrayList<>();
    int total = config.fractions().size() * recipes.size() * config.inits().size();
    for (double f : config.fractions()) {
      for (Recipe base : recipes) {
        for (String init : config.inits()) {
          if (cancelled) {
            break;
          }
          Recipe r = config.stepBudget() ? base.scaledTo(config.stepsOf(base.name()))
              : costs.fit(base, config.minutesPerRun() * 60 * FILL);
          int labelled = subsetSize(order.size(), f);
          rows.add(runOne(StudyConfig.fromInit(r, init), f, labelled, resolver(order, f, unlabelled)));
          listener.runFinished(rows.get(rows.size() - 1), rows.size(), total);
        }
      }
    }
    int tested = rows.stream().mapToInt(StudyRow::tested).max().orElse(0);
    return new StudyReport(config, machine(), EngineInfo.current().threads(), command, started,
        Instant.now().toString(), costs.secondsPerStep(), train.size(), tested, rows);
  }

  private Recipe prepare(Recipe r) {
    ModelSpec model = config.preset() == null ? r.model() : new ModelSpec(config.preset(), r.model().overrides());
    return new Recipe(r.name(), r.description(), config.seed(), model, r.checkpointMinutes(), r.logEvery(),
        r.snapshotEvery(), r.stages(), r.init());
  }

  static int subsetSize(int n, double fraction) {
    return Math.max(1, Math.min(n, (int) Math.ceil(fraction * n)));
  }

  private StudyResolver resolver(List<LabeledImage> order, double f, List<LabeledImage> unlabelled) {
    List<LabeledImage> subset = order.subList(0, subsetSize(order.size(), f));
    return new StudyResolver(config.dataset() + " " + Math.round(f * 1000) / 10.0 + "%", subset, unlabelled,
        new WorkspaceDataResolver(ws));
  }

  private StudyRow runOne(Recipe r, double fraction, int labelled, StudyResolver resolver)
      throws IOException, InterruptedException {
    String name = "lowlabel " + r.name() + " " + (fraction * 100) + "% of " + config.dataset();
    RunRecord rec = RunRegistration.register(ws, name, r, List.of("study", "lowlabel"), "labelled images: " + labelled);
    List<String> steps = r.stages().stream().map(s -> s.type() + " " + s.steps()).toList();
    listener.message("run " + rec.id() + ": " + r.name() + " on " + labelled + " labelled images (" + fraction
        + "), " + String.join(", ", steps));
    Ticket t = RunLauncher.of(ws).enqueue(rec.id(), r, resolver, new TrainingOptions(-1, config.minutesPerRun()));
    t.addListener(listener::event);
    current = t;
    long t0 = System.nanoTime();
    String said = null;
    TrainingEvent end;
    while ((end = t.awaitEnd(2, TimeUnit.SECONDS)) == null) {
      if (t.state() == Ticket.State.WAITING && !t.waitingFor().equals(said)) {
        said = t.waitingFor();
        listener.message("run " + rec.id() + " is " + said);
      }
    }
    current = null;
    double secs = (System.nanoTime() - t0) / 1e9;
    if (end instanceof TrainingEvent.Failed f) {
      return new StudyRow(r.name(), fraction, labelled, rec.id(), steps, secs, false, Double.NaN, Double.NaN,
          Double.NaN, 0, f.reason());
    }
    boolean completed = end instanceof TrainingEvent.Finished fin && fin.completed();
    EvaluationReport ev = WorkspaceEvaluation.run(ws, rec.id(), config.dataset(), Split.TEST, null);
    return new StudyRow(r.name(), fraction, labelled, rec.id(), steps, secs, completed, ev.accuracy36(),
        ev.accuracyFull(), ev.meanOneMinusNed(), ev.count(), null);
  }

  /** This machine, as every run record describes it ({@link RunProvenance#thisMachine()}). */
  static String machine() {
    return RunProvenance.thisMachine();
  }
}
