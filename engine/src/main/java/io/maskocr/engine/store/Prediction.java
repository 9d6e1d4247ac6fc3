package io.maskocr.engine.store;

/**
 * A recognizer's output for one sample. A sample has at most one prediction per checkpoint;
 * inserting again for the same pair replaces it.
 *
 * @param sampleId the sample
 * @param checkpoint checkpoint key (e.g. the {@link CheckpointRecord#id()} as text, or a path)
 * @param text predicted text
 * @param confidence sequence confidence = product of the character probabilities, 0..1
 * @param charProbs probability of each predicted character, length = text code points
 */
public record Prediction(long sampleId, String checkpoint, String text, double confidence, float[] charProbs) {}
