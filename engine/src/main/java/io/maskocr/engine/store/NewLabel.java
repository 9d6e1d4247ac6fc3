package io.maskocr.engine.store;

/**
 * A label to append to a sample's history.
 *
 * @param sampleId the sample
 * @param text the new label
 * @param author who made it
 * @param source import, human or model
 */
public record NewLabel(long sampleId, String text, String author, LabelSource source) {}
