package io.maskocr.app.faults;

/**
 * What one run of the {@code maskocr} command line left: its exit code and both streams. Kept
 * here, below the CLI, so that the fault workloads can take the real command line as a function
 * without depending on it.
 */
public record CommandRun(int exit, String out, String err) {
  /** Both streams, stdout first: where a message naming a file may be. */
  public String text() {
    return out + err;
  }
}
