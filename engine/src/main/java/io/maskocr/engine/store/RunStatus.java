package io.maskocr.engine.store;

/** Lifecycle of a training run. */
public enum RunStatus {
  CREATED,
  /** Waiting in the app's training queue; the queue picks it up again when the workspace reopens. */
  QUEUED,
  RUNNING,
  PAUSED,
  COMPLETED,
  STOPPED,
  FAILED
}
