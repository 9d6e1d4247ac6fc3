package io.maskocr.app.cli;

/** Runs the real command line in-process and captures exit code, stdout and stderr. */
record CliRun(int exit, String out, String err) {
  static CliRun of(String... args) {
    var run = InProcessCli.run(args);
    return new CliRun(run.exit(), run.out(), run.err());
  }

  /** The last non-empty line of stdout. */
  String lastLine() {
    String[] lines = out.strip().split("\n");
    return lines[lines.length - 1];
  }
}
