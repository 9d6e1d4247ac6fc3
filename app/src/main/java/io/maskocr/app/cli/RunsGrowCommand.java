package io.maskocr.app.cli;

import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.GrownRun;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code maskocr runs grow RUN --depth N}: a run's model with a deeper encoder, as a new run. */
@Command(
    name = "grow",
    mixinStandardHelpOptions = true,
    description = "Copy a run's newest checkpoint (or 'starter') into a new run whose encoder has more blocks. "
        + "Each new block copies a trained one with its outputs at zero, so the grown model reads exactly as the "
        + "source until it is trained: continue with a recipe whose \"init\" is the new run "
        + "(maskocr train --recipe R --init RUN).")
public final class RunsGrowCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WorkspaceOption ws;

  @Parameters(paramLabel = "RUN", description = "The run id, or 'starter'.")
  String run;

  @Option(names = "--depth", required = true, paramLabel = "N",
      description = "Encoder blocks of the grown model: more than the run's, at most four times as many.")
  int depth;

  @Override
  public Integer call() throws Exception {
    try (Workspace w = Workspace.open(ws.resolve())) {
      GrownRun.Result r = GrownRun.create(w, RunArgument.resolve(w, run), depth);
      spec.commandLine().getOut().printf(
          "run %d: run %d at step %,d with %d encoder blocks instead of %d (%,d recognition parameters)%n"
              + "it reads as run %d does until trained; continue with: maskocr train --recipe R --init %d%n",
          r.runId(), r.sourceRun(), r.sourceStep(), r.toDepth(), r.fromDepth(), r.parameters(), r.sourceRun(),
          r.runId());
      return 0;
    }
  }
}
