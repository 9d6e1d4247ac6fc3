package io.maskocr.engine.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.maskocr.engine.model.GreedyDecoding;
import org.junit.jupiter.api.Test;

class JointDecodingTest {
  private static final int T = 4; // decoder positions
  private static final int V = 3; // end/blank, 'a' (1), 'b' (2)
  private static final int FRAMES = 4;

  /** Decoder rows (1, T, V): "a a" at 0.6 each, but an end token is likely after the first a. */
  private static float[] decoderDoublingALetter() {
    return new float[] {
      0.05f, 0.9f, 0.05f, // a
      0.35f, 0.6f, 0.05f, // a, or the end (0.35)
      0.9f, 0.05f, 0.05f, // end
      0.9f, 0.05f, 0.05f,
    };
  }

  /** CTC frames that clearly read one "a": a, blank, blank, blank. */
  private static CtcScores ctcReadingOneA() {
    float[] p = {
      0.05f, 0.9f, 0.05f,
      0.9f, 0.05f, 0.05f,
      0.9f, 0.05f, 0.05f,
      0.9f, 0.05f, 0.05f,
    };
    float[] lp = new float[p.length];
    for (int i = 0; i < p.length; i++) {
      lp[i] = (float) Math.log(p[i]);
    }
    return new CtcScores(lp, 0, FRAMES, V);
  }

  @Test
  void theCtcHeadOverrulesADoubledLetter() {
    float[] probs = decoderDoublingALetter();
    GreedyDecoding.Decoded d = JointDecoding.decode(probs, 0, T, V, ctcReadingOneA(), 0.5);
    assertArrayEquals(new int[] {1}, d.tokens());
    // The chosen reading is scored by the decoder, so confidence keeps its meaning.
    assertArrayEquals(new float[] {0.9f}, d.probabilities());
    assertEquals(0.35f, d.endProbability());
  }

  @Test
  void weightZeroKeepsTheDecodersReading() {
    float[] probs = decoderDoublingALetter();
    GreedyDecoding.Decoded d = JointDecoding.decode(probs, 0, T, V, ctcReadingOneA(), 0);
    assertArrayEquals(GreedyDecoding.decode(probs, 0, T, V).tokens(), d.tokens());
    assertArrayEquals(new int[] {1, 1}, d.tokens());
  }

  @Test
  void decoderLikelihoodIncludesTheEndToken() {
    float[] probs = decoderDoublingALetter();
    assertEquals(Math.log(0.9) + Math.log(0.35), JointDecoding.decoderLogLikelihood(probs, 0, T, V, new int[] {1}), 1e-6);
    assertEquals(Double.NEGATIVE_INFINITY, JointDecoding.decoderLogLikelihood(probs, 0, T, V, new int[] {1, 1, 1, 1, 1}));
  }

  @Test
  void thePriorWeighsInOnTheChoice() {
    float[] probs = decoderDoublingALetter();
    GreedyDecoding.Decoded flat = JointDecoding.decode(probs, 0, T, V, ctcReadingOneA(), 0.5, tokens -> -3.0);
    assertArrayEquals(new int[] {1}, flat.tokens(), "a prior that favours no reading changes nothing");
    GreedyDecoding.Decoded doubled =
        JointDecoding.decode(probs, 0, T, V, ctcReadingOneA(), 0.5, tokens -> tokens.length == 2 ? 0 : -10.0);
    assertArrayEquals(new int[] {1, 1}, doubled.tokens(), "a prior sure of 'aa' outweighs the CTC head");
    assertArrayEquals(new float[] {0.9f, 0.6f}, doubled.probabilities());
  }
}
