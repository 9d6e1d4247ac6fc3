package io.maskocr.engine.store;

/**
 * Outcome of {@link Samples#addBatch}.
 *
 * @param inserted new samples
 * @param duplicates samples skipped because the dataset already holds the same image
 */
public record AddResult(int inserted, int duplicates) {}
