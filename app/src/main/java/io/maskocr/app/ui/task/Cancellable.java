package io.maskocr.app.ui.task;

/** A handle on scheduled or running work that can be called off. */
@FunctionalInterface
public interface Cancellable {
  /** Calls the work off; harmless when it already ran or was cancelled. */
  void cancel();

  /** A handle that cancels nothing. */
  Cancellable NONE = () -> {};
}
