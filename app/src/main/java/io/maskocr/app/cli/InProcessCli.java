package io.maskocr.app.cli;

import io.maskocr.app.faults.CommandRun;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real command line in this JVM and captures what it printed (benches, tests). */
public final class InProcessCli {
  private InProcessCli() {}

  public static CommandRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    var cli = MaskocrCli.create();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int exit = cli.execute(args);
    return new CommandRun(exit, out.toString(), err.toString());
  }
}
