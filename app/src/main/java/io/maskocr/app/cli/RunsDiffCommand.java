package io.maskocr.app.cli;

import io.maskocr.engine.io.WorkspaceOpener;
import io.maskocr.engine.store.RunRecord;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.RunDiff;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code maskocr runs diff A B}: what differed between two runs' inputs ({@link RunDiff}): recipe
 * fields, data per stage and source, code revision, machine, seed and init. Exits 0 either way;
 * a difference is an answer, not an error.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {"Say exactly what differed between two runs: each recipe field (JSON path, value A vs B), "
        + "the data's sample counts and fingerprints per stage and source, the code revision (and dirty flag), "
        + "the machine, the seed and the init. Prints 'nothing differs' when the inputs were the same."})
public final class RunsDiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WorkspaceOption ws;

  @Parameters(index = "0", paramLabel = "A", description = RunArgument.HELP)
  String runA;

  @Parameters(index = "1", paramLabel = "B", description = RunArgument.HELP)
  String runB;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace w = WorkspaceOpener.open(ws.resolve())) {
      RunRecord a = w.runs().get(RunArgument.resolve(w, runA)).orElseThrow();
      RunRecord b = w.runs().get(RunArgument.resolve(w, runB)).orElseThrow();
      RunDiff.of(a, b).lines().forEach(out::println);
      out.flush();
    }
    return 0;
  }
}
