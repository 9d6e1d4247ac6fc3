package io.maskocr.engine.train;

import java.nio.file.Path;

/**
 * Immutable snapshots the trainer publishes to listeners. They hold only plain values and
 * arrays (never NDArrays), so a listener may keep them on any thread.
 */
public sealed interface TrainingEvent {
  /** The run this event belongs to. */
  String runId();

  /** Global step (over all stages) when the event was made. */
  long step();

  /** A stage began (or resumed). */
  record StageStarted(String runId, long step, int stageIndex, String stageType, long stageSteps)
      implements TrainingEvent {}

  /**
   * Running figures, every {@code logEvery} steps.
   *
   * @param loss mean loss over the last interval
   * @param accuracy word accuracy on the training batches of the interval (NaN for MIM)
   * @param imagesPerSecond throughput over the interval
   * @param etaSeconds estimated time to the end of the whole recipe
   */
  record Metrics(
      String runId, long step, long totalSteps, int stageIndex, String stageType, long stageStep,
      long stageSteps, double loss, double accuracy, double learningRate, double gradNorm,
      double imagesPerSecond, double elapsedSeconds, double etaSeconds) implements TrainingEvent {}

  /**
   * A MIM reconstruction of one training image.
   *
   * @param original {@code (C, H, W)} input pixels in [-1, 1]
   * @param masked per patch, true when hidden from the encoder
   * @param reconstruction {@code (C, H, W)} the decoder's prediction of every patch, mapped back to
   *     pixel space with each patch's own mean and std
   */
  record Reconstruction(
      String runId, long step, int channels, int height, int width, int patchHeight, int patchWidth,
      float[] original, boolean[] masked, float[] reconstruction) implements TrainingEvent {}

  /**
   * The decoder's cross-attention for one training image.
   *
   * @param image {@code (C, H, W)} input pixels in [-1, 1]
   * @param attention per predicted character (plus the end token) a row over the N patches
   */
  record AttentionSnapshot(
      String runId, long step, int channels, int height, int width, int gridHeight, int gridWidth,
      float[] image, String truth, String predicted, float[][] attention) implements TrainingEvent {}

  /** A checkpoint was written. */
  record CheckpointSaved(String runId, long step, Path directory) implements TrainingEvent {}

  /** The run ended normally: {@code completed} every step, or {@code stopped} on request. */
  record Finished(String runId, long step, boolean completed, double elapsedSeconds) implements TrainingEvent {}

  /** The run stopped on an error; {@code reason} says why and what to do. */
  record Failed(String runId, long step, String reason) implements TrainingEvent {}
}
