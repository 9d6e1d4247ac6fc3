package io.maskocr.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code maskocr runs}: commands about the workspace's training runs. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = "Commands about the workspace's training runs.",
    subcommands = {RunsDiffCommand.class, RunsPublishCommand.class, RunsExportCommand.class, RunsGrowCommand.class})
public final class RunsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
