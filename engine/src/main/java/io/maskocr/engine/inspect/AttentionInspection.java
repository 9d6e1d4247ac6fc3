package io.maskocr.engine.inspect;

import java.util.List;

/**
 * What the recognizer read in one image and where it looked, as plain values for viewers.
 *
 * @param text the predicted text
 * @param characters one reading per predicted character (same order as {@code text}'s code points)
 * @param confidence sequence confidence (product of character and end probabilities)
 * @param attention per predicted character a row over the N patches (rows sum to 1); the end
 *     token's row is not included
 * @param channels image channels C
 * @param height image height H
 * @param width image width W
 * @param gridHeight patch rows
 * @param gridWidth patch columns
 * @param image {@code (C, H, W)} the model's input pixels in [-1, 1]
 * @param checkpoint {@code runId@step} that produced it
 */
public record AttentionInspection(
    String text,
    List<CharacterReading> characters,
    double confidence,
    float[][] attention,
    int channels,
    int height,
    int width,
    int gridHeight,
    int gridWidth,
    float[] image,
    String checkpoint) {

  public AttentionInspection {
    characters = List.copyOf(characters);
    if (attention.length != characters.size()) {
      throw new IllegalArgumentException(
          "need one attention row per character: " + attention.length + " rows, " + characters.size() + " characters");
    }
  }
}
