package io.maskocr.app.cli;

import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.study.LowLabelStudy;
import io.maskocr.engine.study.StudyConfig;
import io.maskocr.engine.study.StudyReport;
import io.maskocr.engine.study.StudyReportWriter;
import io.maskocr.engine.study.StudyRow;
import io.maskocr.engine.train.TrainingEvent;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code maskocr study}: experiments that compare recipes; {@code lowlabel} is the first. */
@Command(
    name = "study",
    mixinStandardHelpOptions = true,
    description = "Compare recipes in controlled experiments (report: Markdown + PNG + CSV in the workspace).",
    subcommands = {StudyCommand.LowLabel.class})
public final class StudyCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code maskocr study lowlabel}: every recipe on every labelled share, same seed and budget. */
  @Command(
      name = "lowlabel",
      mixinStandardHelpOptions = true,
      description = {
        "Train each recipe on each share of the dataset's labelled train split (same seed, same",
        "budget per run), evaluate on its test split and write report.md, accuracy.png and",
        "results.csv under <workspace>/studies/. The budget is time (--minutes: step costs are",
        "measured, each recipe is scaled to fill it) or steps (--steps: each recipe scaled to its",
        "steps, so a busy machine does not change the result; --minutes then caps the time). Examples:",
        "  maskocr study lowlabel --dataset iiit5k --fractions 0.01,0.1,1 --recipes scratch,maskocr,dptr,odm --minutes 3",
        "  maskocr study lowlabel --dataset iiit5k --steps 2200,maskocr=2600 --threads 2",
        "  maskocr study lowlabel --dataset real --fractions 0.1,1 --recipes maskocr-cpu --init random,starter --steps 1500"
      })
  static final class LowLabel implements Callable<Integer> {
    @Mixin WorkspaceOption ws;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "Dataset with train and test splits.")
    String dataset;

    @Option(names = "--fractions", split = ",", paramLabel = "F", description = "Labelled shares in (0, 1] (default: 0.01,0.1,1).")
    List<Double> fractions = List.of(0.01, 0.1, 1.0);

    @Option(names = "--recipes", split = ",", paramLabel = "R", description = "Recipes (default: scratch,maskocr,dptr,odm).")
    List<String> recipes = List.of("scratch", "maskocr", "dptr", "odm");

    @Option(names = "--minutes", paramLabel = "M",
        description = "Training minutes per run (the budget; with --steps a time cap, default none).")
    double minutes;

    @Option(names = "--steps", paramLabel = "N|RECIPE=N,...",
        description = "Steps per run instead of a time budget: N for every recipe, RECIPE=N for one (e.g. 2200,maskocr=2600).")
    String steps;

    @Mixin ThreadsOption threads;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of every run and of the subsets (default 42).")
    long seed = 42;

    @Option(names = "--init", split = ",", paramLabel = "I",
        description = "Weights every recipe starts from, each a row of its own: recipe (its own init), random, starter, "
            + "a run id or a checkpoint folder (default: recipe). Rows are compared at equal fine-tuning steps: the "
            + "pre-training behind an init is counted once, as in the papers.")
    List<String> inits = List.of(StudyConfig.RECIPE_INIT);

    @Option(names = "--preset", paramLabel = "NAME", description = "Model preset for every recipe (default: the recipes').")
    String preset;

    @Option(names = "--out", paramLabel = "DIR", description = "Report folder (default: <workspace>/studies/lowlabel-<time>).")
    Path outDir;

    @Override
    public Integer call() throws Exception {
      StudyConfig cfg = new StudyConfig(dataset, fractions, recipes, minutes, seed, preset, StudyConfig.parseSteps(steps),
          inits);
      threads.apply();
      String command = "maskocr " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
      java.io.PrintWriter out = spec.commandLine().getOut();
      try (Workspace w = Workspace.open(ws.resolve())) {
        StatusLine line = new StatusLine(out, System.console() != null);
        LowLabelStudy study = new LowLabelStudy(w, cfg, new LowLabelStudy.Listener() {
          @Override
          public void message(String text) {
            line.finish();
            out.println(text);
            out.flush();
          }

          @Override
          public void event(TrainingEvent e) {
            line.show(e);
          }

          @Override
          public void runFinished(StudyRow row, int done, int total) {
            line.finish();
            out.printf("[%d/%d] %s @ %s labels (%d images): test accuracy %s%s%n", done, total, row.recipe(),
                StudyReportWriter.pct(row.fraction()), row.labelled(),
                row.error() != null ? "failed: " + row.error() : StudyReportWriter.pct(row.accuracy36()),
                row.completed() || row.error() != null ? "" : " (time cap reached)");
            out.flush();
          }
        }, command);
        Thread hook = new Thread(study::cancel, "maskocr-study-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        StudyReport report = study.run();
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
          // Ctrl+C: the current run stops with a checkpoint; the partial report is still written
        }
        Path dir = outDir != null ? outDir : w.root().resolve("studies")
            .resolve("lowlabel-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Path md = StudyReportWriter.write(report, dir);
        out.println("report: " + md);
        out.flush();
        return 0;
      }
    }
  }
}
