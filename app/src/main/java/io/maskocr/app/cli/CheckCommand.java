package io.maskocr.app.cli;

import io.maskocr.engine.health.CheckReport;
import io.maskocr.engine.health.WorkspaceCheck;
import io.maskocr.engine.store.Workspace;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code maskocr check}: database integrity, image hashes and checkpoints; exit 1 when anything is wrong. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check a workspace: SQLite's integrity check of workspace.db, every image file against its sha256,",
      "and every checkpoint of every run loaded as a model. Changes nothing. Prints each problem with",
      "what to do, and exits 1 when there is any."
    })
public final class CheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WorkspaceOption ws;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Workspace w = Workspace.open(ws.resolve())) {
      CheckReport r;
      try (ProgressBar bar = ProgressBar.onStderr("checking")) {
        r = WorkspaceCheck.run(w, (part, done, total) -> bar.update(done, total, part));
      }
      for (String p : r.problems()) {
        out.println("problem: " + p);
      }
      out.printf("%s: database %s, %d image files, %d checkpoints checked; %s%n", w.root(),
          r.problems().stream().anyMatch(p -> p.startsWith("workspace.db")) ? "DAMAGED" : "ok",
          r.imagesChecked(), r.checkpointsChecked(),
          r.ok() ? "no problems" : r.problems().size() + " problem" + (r.problems().size() == 1 ? "" : "s"));
      return r.ok() ? 0 : 1;
    }
  }
}
