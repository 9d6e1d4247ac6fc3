package io.maskocr.app.cli;

import io.maskocr.engine.store.CopyReport;
import io.maskocr.engine.store.DatabaseUrl;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.store.WorkspaceCopy;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code maskocr workspace copy --to postgresql://...|DIR}: move a workspace between back ends. */
@Command(
    name = "copy",
    mixinStandardHelpOptions = true,
    description = {
      "Copy the workspace (-w) with every label's full history, predictions, runs, metrics, checkpoints",
      "and images to a team's PostgreSQL database (--to postgresql://...; the new folder is --folder)",
      "or to a new SQLite workspace folder (--to DIR). Row counts and SHA-256 of every table are",
      "compared after the copy and printed; exit 1 when anything differs. The source is not changed."
    })
public final class WorkspaceCopyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WorkspaceOption ws;

  @Option(names = "--to", required = true, paramLabel = "URL|DIR",
      description = "postgresql://[user@]host[:port]/database (an empty database) or a new folder.")
  String to;

  @Option(names = "--folder", paramLabel = "DIR",
      description = "The team workspace's folder for --to postgresql://... (default: <workspace>-team).")
  Path folder;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path source = ws.resolve();
    if (!Files.exists(source.resolve(Workspace.DB_FILE)) && Workspace.teamDatabase(source).isEmpty()) {
      throw new IllegalArgumentException("no workspace in " + source + ": pass the one to copy with -w DIR");
    }
    try (Workspace from = Workspace.open(source);
        Workspace target = openTarget(source)) {
      out.printf("copying %s (%s) to %s%n", from.root(), from.databaseDescription(), target.databaseDescription());
      CopyReport report = WorkspaceCopy.copy(from, target, line -> out.println("  " + line));
      out.printf("%-14s %12s %12s  %-16s %s%n", "table", "source rows", "target rows", "sha256", "check");
      for (CopyReport.TableCheck t : report.tables()) {
        out.printf("%-14s %,12d %,12d  %-16s %s%n", t.table(), t.sourceRows(), t.targetRows(),
            t.sourceHash().substring(0, 16), t.matches() ? "ok" : "DIFFERS (target " + t.targetHash() + ")");
      }
      out.printf("%-14s %,12d %,12d  %-16s %s%n", "images", report.images(), report.imagesVerified(),
          "re-hashed", report.images() == report.imagesVerified() ? "ok" : "DIFFERS");
      if (!report.ok()) {
        spec.commandLine().getErr().println("maskocr workspace copy: the copy in " + target.root()
            + " differs from the source (see above); keep using " + from.root());
        return 1;
      }
      out.printf("copied: workspace %s is ready%n", target.root());
      return 0;
    }
  }

  private Workspace openTarget(Path source) {
    if (DatabaseUrl.isUrl(to)) {
      Path dir = folder != null ? folder : source.resolveSibling(source.getFileName() + "-team");
      return Workspace.create(dir, DatabaseUrl.parse(to));
    }
    if (folder != null) {
      throw new IllegalArgumentException("--folder goes with --to postgresql://...; for a SQLite copy --to is the folder");
    }
    Path dir = Path.of(to).toAbsolutePath().normalize();
    if (Files.exists(dir.resolve(Workspace.DB_FILE)) || Files.exists(dir.resolve(Workspace.DATABASE_URL_FILE))) {
      throw new IllegalArgumentException("folder " + dir + " already holds a workspace: choose a new folder");
    }
    return Workspace.open(dir);
  }
}
