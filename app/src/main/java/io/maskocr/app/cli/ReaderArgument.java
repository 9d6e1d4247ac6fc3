package io.maskocr.app.cli;

import io.maskocr.engine.external.ExternalModels;
import io.maskocr.engine.infer.Recognizer;
import io.maskocr.engine.infer.TextReader;
import io.maskocr.engine.model.EngineThreads;
import io.maskocr.engine.store.Workspace;
import java.io.IOException;

/** {@code --run ID|starter} or {@code --model NAME}: what reads, for the commands that take either. */
final class ReaderArgument {
  static final String MODEL_HELP = "An external model of the workspace (maskocr model list) instead of a run.";

  private ReaderArgument() {}

  /** Refuses neither or both. */
  static void checkOne(String run, String model) {
    if ((run == null) == (model == null)) {
      throw new IllegalArgumentException("give either --run ID|starter or --model NAME");
    }
  }

  /** Opens the run's newest checkpoint or the external model, with the configured engine threads. */
  static TextReader open(Workspace w, String run, String model) throws IOException {
    if (model != null) {
      return ExternalModels.open(w, model, EngineThreads.count());
    }
    return Recognizer.load(w.runs().dir(RunArgument.resolve(w, run)));
  }
}
