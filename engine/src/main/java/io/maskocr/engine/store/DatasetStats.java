package io.maskocr.engine.store;

/**
 * Counts for one dataset.
 *
 * @param datasetId the dataset
 * @param samples all samples
 * @param labeled samples whose current label is not empty
 * @param train samples in the train split
 * @param val samples in the val split
 * @param test samples in the test split
 */
public record DatasetStats(long datasetId, long samples, long labeled, long train, long val, long test) {}
