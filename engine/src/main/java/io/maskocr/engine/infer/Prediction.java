package io.maskocr.engine.infer;

/**
 * What the recognizer read in one image, as plain values.
 *
 * @param text the predicted text
 * @param charProbabilities probability of each predicted character
 * @param confidence product of the character probabilities and of the end-token probability
 * @param attention per predicted character, then the end token, the decoder's cross-attention
 *     over the N patches (rows sum to 1)
 * @param checkpoint which checkpoint produced it (run id and step)
 */
public record Prediction(
    String text, float[] charProbabilities, double confidence, float[][] attention, String checkpoint) {}
