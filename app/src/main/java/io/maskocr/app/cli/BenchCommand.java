package io.maskocr.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Benchmarks; each prints one JSON object as its last line with --json. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Measure speed and quality figures; --json prints one JSON object last.",
    subcommands = {
      BenchStoreCommand.class,
      BenchRenderCommand.class,
      BenchTrainCommand.class,
      BenchDataCommand.class,
      BenchInferCommand.class,
      BenchAnnotateCommand.class,
      BenchUiCommand.class,
      BenchFaultsCommand.class,
      BenchTeamCommand.class
    })
public final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
