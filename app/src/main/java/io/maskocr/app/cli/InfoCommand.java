package io.maskocr.app.cli;

import io.maskocr.engine.BuildRevision;
import io.maskocr.engine.io.WorkspaceOpener;
import io.maskocr.engine.model.EngineInfo;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.store.WorkspaceCounts;
import io.maskocr.engine.train.RunProvenance;
import io.maskocr.engine.train.StarterModel;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code maskocr info}: workspace, schema, counts, and the machine it runs on. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = "Show the workspace (path, schema version, counts), engine and machine facts.")
public final class InfoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WorkspaceOption ws;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace workspace = WorkspaceOpener.open(ws.resolve())) {
      WorkspaceCounts c = workspace.counts();
      row(out, "workspace", workspace.root().toString());
      row(out, "database", workspace.databaseDescription() + (workspace.isTeam() ? " as " + workspace.userName() : ""));
      row(out, "schema version", workspace.schemaVersion() + " (this build: " + Workspace.currentSchemaVersion() + ")");
      row(out, "datasets", Long.toString(c.datasets()));
      row(out, "samples", Long.toString(c.samples()));
      row(out, "label entries", Long.toString(c.labelEntries()));
      row(out, "predictions", Long.toString(c.predictions()));
      row(out, "runs", c.runs() + " (" + c.checkpoints() + " checkpoints)");
    }
    row(out, "starter model", StarterModel.directory().map(InfoCommand::describeStarter)
        .orElse("missing (" + StarterModel.location() + "): new workspaces cannot predict before training"));
    EngineInfo e = EngineInfo.current();
    row(out, "engine", e.engine() + " " + e.engineVersion() + " (DJL " + e.djlVersion() + ")");
    row(out, "device", e.gpus() > 0 ? "gpu (" + e.gpus() + " visible; models use cpu unless device=gpu)" : "cpu");
    row(out, "threads", e.threads() + " intra-op");
    Runtime rt = Runtime.getRuntime();
    row(out, "java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
    row(out, "os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch"));
    row(out, "cores", Integer.toString(rt.availableProcessors()));
    row(out, "max heap", (rt.maxMemory() >> 20) + " MB");
    row(out, "machine", RunProvenance.thisMachine() + " (as runs record it)");
    row(out, "code", BuildRevision.current().describe() + " (taken when the engine was built)");
    out.flush();
    return 0;
  }

  private static String describeStarter(java.nio.file.Path dir) {
    io.maskocr.engine.train.CheckpointInfo info = io.maskocr.engine.train.Checkpoints.readInfo(dir);
    return info.charsetName() + ", " + info.model().preset() + " with the " + info.model().stem() + " stem, "
        + info.step() + " steps (" + dir + "; `maskocr starter` shows its provenance)";
  }

  static void row(PrintWriter out, String key, String value) {
    out.printf("%-16s %s%n", key + ":", value);
  }
}
