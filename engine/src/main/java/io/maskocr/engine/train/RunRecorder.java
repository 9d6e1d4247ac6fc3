package io.maskocr.engine.train;

/**
 * Persists a run's provenance and results (the workspace store implements it; {@link
 * FileRunRecorder} writes plain files). Called on the service's event thread, never the
 * trainer's.
 */
public interface RunRecorder {
  /** The run started or resumed. */
  void started(RunProvenance provenance);

  /** Any event: metrics, checkpoints, finished, failed (snapshots may be ignored). */
  void event(TrainingEvent event);

  /** A recorder that records nothing (tests, benchmarks). */
  static RunRecorder none() {
    return new RunRecorder() {
      @Override
      public void started(RunProvenance provenance) {}

      @Override
      public void event(TrainingEvent event) {}
    };
  }
}
