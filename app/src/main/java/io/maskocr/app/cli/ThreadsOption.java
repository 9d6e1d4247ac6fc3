package io.maskocr.app.cli;

import picocli.CommandLine.Option;

/**
 * {@code --threads N}: engine threads for commands that run the model. Passed to
 * the engine before it starts.
 */
public final class ThreadsOption {
  @Option(names = "--threads", paramLabel = "N",
      description = "Engine threads (default: $MASKOCR_THREADS, else cores - 1 so data preparation keeps a core).")
  Integer threads;

  /**
   * Like {@link #apply()}, but without {@code --threads} or {@code MASKOCR_THREADS} the engine
   * gets {@code fallback} threads instead of cores - 1.
   */
  public void applyOrDefault(int fallback) {
    String env = System.getenv("MASKOCR_THREADS");
    if (threads == null && (env == null || env.isBlank()) && System.getProperty("maskocr.threads") == null) {
      threads = fallback;
    }
    apply();
  }

  /** Publishes the choice; call before any model is created. */
  public void apply() {
    if (threads != null) {
      if (threads < 1) {
        throw new IllegalArgumentException("--threads must be at least 1, got " + threads);
      }
      System.setProperty("maskocr.threads", Integer.toString(threads));
    }
    io.maskocr.engine.model.EngineThreads.configure();
  }
}
