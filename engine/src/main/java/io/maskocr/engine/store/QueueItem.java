package io.maskocr.engine.store;

/**
 * One row of the annotation queue: a sample with its prediction.
 *
 * @param sample the sample with its current label
 * @param prediction the prediction of the queried checkpoint
 */
public record QueueItem(Sample sample, Prediction prediction) {}
