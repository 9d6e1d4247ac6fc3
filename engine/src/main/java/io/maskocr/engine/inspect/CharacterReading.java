package io.maskocr.engine.inspect;

import java.util.List;

/**
 * One predicted character with its probability and the decoder's best alternatives.
 *
 * @param symbol the predicted symbol
 * @param probability its probability
 * @param alternatives the three most probable tokens at this position, best first (the first
 *     is the prediction itself); the end token is shown as {@link #END}
 */
public record CharacterReading(String symbol, float probability, List<Alternative> alternatives) {
  /** How the end-of-text token is named among alternatives. */
  public static final String END = "⟨end⟩";

  /** A candidate token at one position. */
  public record Alternative(String symbol, float probability) {}

  public CharacterReading {
    alternatives = List.copyOf(alternatives);
  }
}
