package io.maskocr.app.ui.shell;

import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Which workspace the app opens at start. Precedence: {@code --workspace DIR} (or
 * {@code -w DIR}, {@code --workspace=DIR}), then env {@code MASKOCR_WORKSPACE}, then the last
 * workspace the app had open, then {@code ~/.maskocr/default}. The CLI has the same rule
 * minus "last workspace" ({@link Workspace#locate}).
 */
public final class WorkspaceChoice {
  private WorkspaceChoice() {}

  /**
   * @param args the raw application arguments
   * @param env environment lookup (System::getenv in production)
   * @param lastWorkspace remembered workspace, or null
   */
  public static Path resolve(List<String> args, UnaryOperator<String> env, String lastWorkspace) {
    return Workspace.locate(fromArgs(args), env, lastWorkspace);
  }

  /** The folder named by {@code --workspace}/{@code -w} in the arguments, or null. */
  static Path fromArgs(List<String> args) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.startsWith("--workspace=")) {
        return Path.of(a.substring("--workspace=".length()));
      }
      if ((a.equals("--workspace") || a.equals("-w")) && i + 1 < args.size()) {
        return Path.of(args.get(i + 1));
      }
    }
    return null;
  }
}
