package io.maskocr.app.ui.task;

/**
 * What a running {@link BackgroundTask} body sees: report progress and a message, and ask
 * whether the user cancelled. Calls may come from any thread; the executor moves them to the
 * UI thread (coalescing bursts), so a body can report on every item without flooding it.
 */
public interface TaskContext {
  /** Reports {@code done} of {@code total} units; a negative total means indeterminate. */
  void progress(long done, long total);

  /** Replaces the one-line status message. */
  void message(String message);

  /** True once the user asked to cancel; the body should stop at the next safe point. */
  boolean isCancelled();
}
