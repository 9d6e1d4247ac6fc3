package io.maskocr.app.cli;

import io.maskocr.engine.store.Agreement;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.Workspace;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code maskocr agreement --dataset NAME}: how often reviewers kept each annotator's labels. */
@Command(
    name = "agreement",
    mixinStandardHelpOptions = true,
    description = {
      "Per annotator of a dataset: how many of their labels another person saved over (a review)",
      "and how many the reviewer kept as they were. Read from the label history."
    })
public final class AgreementCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WorkspaceOption ws;

  @Option(names = "--dataset", required = true, paramLabel = "NAME", description = "The dataset.")
  String dataset;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace w = Workspace.open(ws.resolve())) {
      Dataset d = w.datasets().require(dataset);
      List<Agreement> rows = w.reviews().agreement(d.id());
      if (rows.isEmpty()) {
        out.println("no label of '" + d.name() + "' has been reviewed by another person yet");
        return 0;
      }
      out.printf("%-24s %9s %6s %6s%n", "annotator", "reviewed", "kept", "rate");
      for (Agreement a : rows) {
        out.printf("%-24s %,9d %,6d %5.1f%%%n", a.author(), a.reviewed(), a.kept(), 100 * a.rate());
      }
      return 0;
    }
  }
}
