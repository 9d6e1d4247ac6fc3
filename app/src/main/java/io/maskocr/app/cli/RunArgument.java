package io.maskocr.app.cli;

import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.StarterModel;
import io.maskocr.engine.train.StarterRun;
import java.io.IOException;

/** Turns a {@code --run} value into a run id: a number, or {@code starter} (the bundled model). */
final class RunArgument {
  static final String HELP = "Run id, or 'starter' for the bundled starter model (registered as a run on first use).";

  private RunArgument() {}

  static long resolve(Workspace w, String run) throws IOException {
    if (StarterModel.NAME.equalsIgnoreCase(run.strip())) {
      return StarterRun.ensure(w);
    }
    long id;
    try {
      id = Long.parseLong(run.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--run takes a run id or 'starter', got '" + run + "'");
    }
    w.runs().get(id).orElseThrow(() -> new IllegalArgumentException("no run " + id + " in workspace " + w.root()));
    // a teammate's run: its published checkpoints come from the database on first use
    for (var checkpoint : w.runs().checkpoints(id)) {
      w.published().fetch(checkpoint);
    }
    return id;
  }
}
