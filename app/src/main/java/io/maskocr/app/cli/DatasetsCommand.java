package io.maskocr.app.cli;

import io.maskocr.engine.io.WorkspaceOpener;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.DatasetStats;
import io.maskocr.engine.store.Workspace;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code maskocr datasets}: one line per dataset with its counts. */
@Command(
    name = "datasets",
    mixinStandardHelpOptions = true,
    description = "List the datasets of the workspace with sample, label and split counts.")
public final class DatasetsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WorkspaceOption ws;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = WorkspaceOpener.open(ws.resolve())) {
      List<Dataset> all = workspace.datasets().list();
      if (all.isEmpty()) {
        out.println("no datasets in " + workspace.root() + " (maskocr import SOURCE --dataset NAME adds one)");
      } else {
        int w = Math.max(7, all.stream().mapToInt(d -> d.name().length()).max().orElse(0));
        out.printf("%-" + w + "s %10s %10s %10s %10s %10s%n", "dataset", "samples", "labeled", "train", "val", "test");
        for (Dataset d : all) {
          DatasetStats s = workspace.datasets().stats(d.id());
          out.printf("%-" + w + "s %10d %10d %10d %10d %10d%n",
              d.name(), s.samples(), s.labeled(), s.train(), s.val(), s.test());
        }
      }
      out.flush();
    }
    return 0;
  }
}
