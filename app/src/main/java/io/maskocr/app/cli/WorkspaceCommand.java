package io.maskocr.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code maskocr workspace}: create a workspace (solo or team) and move one between back ends. */
@Command(
    name = "workspace",
    mixinStandardHelpOptions = true,
    description = "Create a workspace (SQLite, or a team's PostgreSQL) and copy one between the two.",
    subcommands = {WorkspaceCreateCommand.class, WorkspaceCopyCommand.class})
public final class WorkspaceCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
