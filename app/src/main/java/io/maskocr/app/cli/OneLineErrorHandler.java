package io.maskocr.app.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Failures end with one line on stderr ("maskocr import: reason") and exit code 1, so a
 * user sees what went wrong without a stack trace. Set MASKOCR_DEBUG=1 for the trace.
 */
final class OneLineErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cli, ParseResult parsed) {
    String message = ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName();
    // one line whatever the cause wrote (parsers and SQLite put details on further lines)
    message = message.strip().replaceAll("\\s*\\R\\s*", " ");
    cli.getErr().println(cli.getCommandSpec().qualifiedName() + ": " + message);
    if (System.getenv("MASKOCR_DEBUG") != null) {
      ex.printStackTrace(cli.getErr());
    }
    return 1;
  }
}
