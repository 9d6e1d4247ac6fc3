package io.maskocr.app.cli.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.cli.InProcessCli;
import java.util.List;

/** Runs the real {@code maskocr} command line in-process and captures exit code, stdout and stderr. */
record Cli(int exit, String out, String err) {
  static Cli run(String... args) {
    var run = InProcessCli.run(args);
    int exit = run.exit();
    String err = run.err();
    if (Boolean.getBoolean("hostile.echo")) { // -Dhostile.echo=true: review the messages users would see
      System.out.println("[" + args[0] + " -> exit " + exit + "]\n" + err);
    }
    return new Cli(exit, run.out(), err);
  }

  /** Non-blank stderr lines. */
  List<String> errLines() {
    return err.lines().filter(l -> !l.isBlank()).toList();
  }

  /**
   * The command failed as a whole: exit {@code code}, exactly one stderr line starting with
   * {@code maskocr <command>:} that contains every {@code fragment}, and no stack trace.
   */
  void assertOneLineFailure(int code, String command, String... fragments) {
    String why = "exit " + exit + "\nstderr:\n" + err + "\nstdout:\n" + out;
    assertEquals(code, exit, why);
    assertEquals(1, errLines().size(), why);
    String line = errLines().get(0);
    assertTrue(line.startsWith("maskocr " + command + ":"), why);
    for (String f : fragments) {
      assertTrue(line.contains(f), "expected '" + f + "' in: " + line);
    }
    assertNoTrace();
  }

  /** Nothing on either stream looks like a stack trace. */
  void assertNoTrace() {
    String all = out + err;
    assertFalse(all.contains("\tat ") || all.contains("Exception in thread") || all.contains("Caused by:"), all);
  }
}
