package io.maskocr.engine.train;

/**
 * Receives training events on the service's event thread. Must be quick; a UI coalesces events
 * (latest wins) before handing them to its own thread.
 */
@FunctionalInterface
public interface TrainingListener {
  void onEvent(TrainingEvent event);
}
