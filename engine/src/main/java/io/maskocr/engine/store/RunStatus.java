package io.maskocr.engine.store;

/** Lifecycle of a training run. */
public enum RunStatus {
  CREATED,
  RUNNING,
  PAUSED,
  COMPLETED,
  STOPPED,
  FAILED
}
