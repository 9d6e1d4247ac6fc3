package io.maskocr.app;

import io.maskocr.app.cli.MaskocrCli;
import io.maskocr.app.ui.StudioApp;
import java.util.Arrays;

/**
 * Entry point of the {@code maskocr} launcher. With no subcommand it opens the desktop app
 * (optionally on {@code --workspace DIR}); otherwise it runs the CLI. This class must not
 * extend {@code Application}: JavaFX on the class path refuses to start such a main class.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (opensApp(args)) {
      StudioApp.main(args);
      return;
    }
    System.exit(MaskocrCli.create().execute(args));
  }

  /** True for no arguments, or only {@code --workspace DIR} / {@code --workspace=DIR}. */
  static boolean opensApp(String[] args) {
    if (args.length == 0) {
      return true;
    }
    if (args.length == 1 && args[0].startsWith("--workspace=")) {
      return true;
    }
    return args.length == 2 && Arrays.asList("--workspace", "-w").contains(args[0]);
  }
}
