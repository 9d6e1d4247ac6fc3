package io.maskocr.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the issue that builds this command lands; fails loudly. */
@Command(name = "eval", description = "(not built yet)")
public final class EvalCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("this command is not built yet");
  }
}
