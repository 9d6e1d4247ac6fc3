package io.maskocr.engine.external;

/**
 * One reading of an external model.
 *
 * @param text the symbols read
 * @param charProbabilities the probability of each kept class (one per symbol of the table,
 *     which may hold more than one character)
 * @param confidence as the settings say: mean of the kept maxima, or their product with the
 *     end token's probability
 */
record Decoded(String text, float[] charProbabilities, double confidence) {}
