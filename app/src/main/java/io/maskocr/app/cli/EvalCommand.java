package io.maskocr.app.cli;

import io.maskocr.engine.external.ExternalEvaluation;
import io.maskocr.engine.infer.WorkspaceEvaluation;
import io.maskocr.engine.model.EngineThreads;
import io.maskocr.engine.metrics.Confusion;
import io.maskocr.engine.metrics.EvaluationReport;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code maskocr eval}: accuracy of a run on a labeled dataset split, stored with the run. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate a run's newest checkpoint or an external model on a labeled dataset split: word accuracy under the",
      "36-symbol protocol and case-sensitive, mean 1-NED, accuracy by word length, top confusions.",
      "Results and predictions are stored with the run."
    })
public final class EvalCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin ThreadsOption threadsOption;
  @picocli.CommandLine.Mixin SecondLookOption secondLook;
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin WorkspaceOption ws;

  @Option(names = "--run", paramLabel = "ID|starter", description = RunArgument.HELP)
  String runArgument;

  @Option(names = "--model", paramLabel = "NAME",
      description = "An external model (maskocr model list) instead of a run: same protocol, stored with its baseline run.")
  String model;

  @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "Dataset name (* = all).")
  String dataset;

  @Option(names = "--split", defaultValue = "test", paramLabel = "SPLIT", description = "train, val, test or all (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--json", description = "Print the report as one JSON line at the end.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    threadsOption.apply();
    secondLook.apply();
    java.io.PrintWriter out = spec.commandLine().getOut();
    ReaderArgument.checkOne(runArgument, model);
    try (Workspace w = Workspace.open(ws.resolve())) {
      Split s = "all".equals(split) ? null : Split.parse(split);
      EvaluationReport r;
      String coverage = null;
      String who;
      String reading = null;
      try (ProgressBar bar = ProgressBar.onStderr("eval")) {
        if (model != null) {
          ExternalEvaluation.Result e = ExternalEvaluation.run(w, model, dataset, s, EngineThreads.count(), bar::update);
          r = e.report();
          coverage = e.coverage().summary(8);
          who = "model " + model + " (baseline run " + e.runId() + ")";
        } else {
          long run = RunArgument.resolve(w, runArgument);
          r = WorkspaceEvaluation.run(w, run, dataset, s, bar::update);
          who = "run " + run;
          reading = WorkspaceEvaluation.readingOf(w, run);
        }
      }
      out.printf("%s on %s/%s: %d images%n", who, dataset, split, r.count());
      if (reading != null) {
        out.println("  read " + reading);
      }
      out.printf("  word accuracy (36-symbol protocol): %.4f%n", r.accuracy36());
      out.printf("  word accuracy (case-sensitive, full text): %.4f%n", r.accuracyFull());
      out.printf("  mean 1-NED: %.4f   mean confidence: %.4f%n", r.meanOneMinusNed(), r.meanConfidence());
      if (r.accuracy36WithoutPrior() != null) {
        out.printf("  both heads without the English spelling prior (36-symbol): %.4f%n", r.accuracy36WithoutPrior());
      }
      if (r.accuracy36Decoder() != null && r.accuracy36Decoder() != r.accuracy36()) {
        out.printf("  parallel decoder read alone (36-symbol): %.4f (the first reading lets the CTC head rescore it)%n",
            r.accuracy36Decoder());
      }
      if (r.accuracy36Ctc() != null) {
        out.printf("  CTC head read alone (36-symbol): %.4f%n", r.accuracy36Ctc());
      }
      if (coverage != null) {
        out.println("  " + coverage);
      }
      out.print("  accuracy by length:");
      r.byLength().forEach((len, c) -> out.printf(" %d:%.2f(%d)", len, (double) c[0] / c[1], c[1]));
      out.println();
      out.print("  top confusions (truth->read):");
      for (Confusion c : r.confusions()) {
        out.printf(" '%s'->'%s' x%d", c.expected(), c.predicted(), c.count());
      }
      out.println();
      if (json) {
        out.println(io.maskocr.engine.train.Recipes.json()
            .writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(r));
      }
      return 0;
    }
  }
}
