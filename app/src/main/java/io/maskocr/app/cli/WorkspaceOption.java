package io.maskocr.app.cli;

import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --workspace DIR} option shared by every command that touches a workspace.
 * Precedence: the option, then env {@code MASKOCR_WORKSPACE}, then {@code ~/.maskocr/default}.
 */
public final class WorkspaceOption {
  @Option(
      names = {"-w", "--workspace"},
      paramLabel = "DIR",
      description = "Workspace folder (default: $MASKOCR_WORKSPACE or ~/.maskocr/default).")
  Path workspace;

  /** The workspace folder this command works on. */
  public Path resolve() {
    return resolve(workspace);
  }

  /** Applies the precedence rule to an explicit choice (may be null). */
  public static Path resolve(Path explicit) {
    return Workspace.locate(explicit, System::getenv, null);
  }
}
