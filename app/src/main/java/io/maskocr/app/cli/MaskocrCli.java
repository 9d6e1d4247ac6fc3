package io.maskocr.app.cli;

import io.maskocr.engine.store.PasswordPrompt;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Root of the {@code maskocr} command line. Each subcommand lives in its own file; the
 * launcher opens the desktop app when no subcommand is given.
 */
@Command(
    name = "maskocr",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "MaskOCR Studio: pre-train, fine-tune, inspect and correct a scene-text recognizer.",
    subcommands = {
      ImportCommand.class,
      ExportCommand.class,
      DatasetsCommand.class,
      InfoCommand.class,
      RenderCommand.class,
      TrainCommand.class,
      EvalCommand.class,
      PredictCommand.class,
      ModelCommand.class,
      BenchCommand.class,
      StudyCommand.class,
      StarterCommand.class,
      RunsCommand.class,
      CheckCommand.class,
      BackupCommand.class,
      WorkspaceCommand.class,
      AgreementCommand.class,
      CommandLine.HelpCommand.class
    })
public final class MaskocrCli implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** Builds the command line with the error handling shared by every subcommand. */
  public static CommandLine create() {
    CommandLine cli = new CommandLine(new MaskocrCli());
    cli.setExecutionExceptionHandler(new OneLineErrorHandler());
    if (System.console() != null) {
      // a team database that wants a password PGPASSWORD and ~/.pgpass did not give: ask on the terminal
      PasswordPrompt.use((server, user) -> Optional.ofNullable(
          System.console().readPassword("password of %s at PostgreSQL server %s: ", user, server)));
    }
    return cli;
  }
}
