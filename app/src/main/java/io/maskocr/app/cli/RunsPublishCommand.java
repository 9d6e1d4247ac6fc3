package io.maskocr.app.cli;

import io.maskocr.engine.store.CheckpointRecord;
import io.maskocr.engine.store.Workspace;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code maskocr runs publish RUN}: put a run's newest checkpoint into the team database. */
@Command(
    name = "publish",
    mixinStandardHelpOptions = true,
    description = {
      "Publish a run's newest checkpoint (or --checkpoint ID) into the workspace database, at most",
      "20 MB zipped, so teammates' predict and eval can use it without this machine's disk: their",
      "copy is fetched on first use."
    })
public final class RunsPublishCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WorkspaceOption ws;

  @Parameters(paramLabel = "RUN", description = "The run id.")
  long run;

  @Option(names = "--checkpoint", paramLabel = "ID", description = "A checkpoint id of the run (default: its newest).")
  Long checkpoint;

  @Override
  public Integer call() throws Exception {
    try (Workspace w = Workspace.open(ws.resolve())) {
      List<CheckpointRecord> all = w.runs().checkpoints(run);
      CheckpointRecord chosen = all.stream()
          .filter(c -> checkpoint == null || c.id() == checkpoint)
          .reduce((a, b) -> b)
          .orElseThrow(() -> new IllegalArgumentException("run " + run + " has no checkpoint"
              + (checkpoint == null ? "" : " " + checkpoint) + " in workspace " + w.root()));
      long bytes = w.published().publish(chosen, InetAddress.getLocalHost().getHostName());
      spec.commandLine().getOut().printf("published checkpoint %d of run %d (%s step %d, %,d bytes zipped) to %s%n",
          chosen.id(), run, chosen.stage(), chosen.step(), bytes, w.databaseDescription());
      return 0;
    }
  }
}
