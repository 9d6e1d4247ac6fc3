package io.maskocr.engine.model;

/**
 * Sets the engine's intra-op thread count from {@code -Dmaskocr.threads=N} or env
 * {@code MASKOCR_THREADS}, by passing it to DJL ({@code ai.djl.pytorch.num_threads}) before the
 * engine starts: only then do matmuls and every other op agree on it. Small transformer ops on a
 * busy machine run faster on fewer threads (measured here: 1 thread gave 4x the training
 * throughput of 2 while other processes shared the 2 cores), so it is a user setting. The
 * default leaves one core to data preparation (rendering, augmentation): cores - 1, at least 1.
 */
public final class EngineThreads {
  private EngineThreads() {}

  /** Call before the engine starts (before any model or NDManager). */
  public static void configure() {
    String v = System.getProperty("maskocr.threads");
    if (v == null || v.isBlank()) {
      v = System.getenv("MASKOCR_THREADS");
    }
    if (v == null || v.isBlank()) {
      if (System.getProperty("ai.djl.pytorch.num_threads") != null) {
        return; // set explicitly for DJL (tests do)
      }
      v = Integer.toString(defaultThreads());
    }
    int n;
    try {
      n = Integer.parseInt(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("maskocr.threads / MASKOCR_THREADS must be a whole number, got '" + v + "'");
    }
    if (n < 1) {
      throw new IllegalArgumentException("thread count must be at least 1, got " + n);
    }
    System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(n));
    System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(n));
  }

  /**
   * The configured intra-op thread count ({@link #configure()} first), for engines other than
   * PyTorch that take it per session (OnnxRuntime).
   */
  public static int count() {
    String v = System.getProperty("ai.djl.pytorch.num_threads");
    try {
      return v == null ? defaultThreads() : Math.max(1, Integer.parseInt(v.trim()));
    } catch (NumberFormatException e) {
      return defaultThreads();
    }
  }

  /** Cores minus one for data preparation, at least 1. */
  public static int defaultThreads() {
    return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
  }
}
