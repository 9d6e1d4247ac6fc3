package io.maskocr.app.cli;

import io.maskocr.engine.store.Backups;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code maskocr backup}: a consistent copy of workspace.db, safe while the app runs. */
@Command(
    name = "backup",
    mixinStandardHelpOptions = true,
    description = {
      "Copy the workspace's database consistently (SQLite VACUUM INTO), also while the app or a",
      "training uses it. Default target: <workspace>/backups/workspace-<time>.db. To restore, close",
      "the app and replace workspace.db with the copy."
    })
public final class BackupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WorkspaceOption ws;

  @Option(names = "--out", paramLabel = "FILE", description = "Where to write the copy (must not exist).")
  Path out;

  @Override
  public Integer call() throws Exception {
    if (out != null && Files.exists(out)) {
      throw new IllegalArgumentException(out + " exists already: choose a new file name");
    }
    try (Workspace w = Workspace.open(ws.resolve())) {
      Path written = Backups.backup(w, out, null);
      spec.commandLine().getOut().printf("backed up %s to %s (%,d bytes)%n", w.root().resolve("workspace.db"),
          written, Files.size(written));
      return 0;
    }
  }
}
