package io.maskocr.engine.model;

/**
 * Reads the parallel decoder's output: at each position the most probable token, up to the
 * first end token.
 */
public final class GreedyDecoding {
  private GreedyDecoding() {}

  /**
   * One decoded sequence.
   *
   * @param tokens symbol ids before the end token
   * @param probabilities probability of each of those symbols
   * @param endProbability probability of the end token where the text ends (1 if the text
   *     filled every position)
   */
  public record Decoded(int[] tokens, float[] probabilities, float endProbability) {
    /** Sequence confidence: product of the character probabilities and the end probability. */
    public double confidence() {
      double c = endProbability;
      for (float p : probabilities) {
        c *= p;
      }
      return c;
    }
  }

  /**
   * Decodes row {@code b} of {@code probs} laid out as {@code (B, T, V)}.
   *
   * @param probs softmax outputs
   * @param b batch row
   * @param t positions T
   * @param v vocabulary V (id 0 = end)
   */
  public static Decoded decode(float[] probs, int b, int t, int v) {
    int[] tokens = new int[t];
    float[] p = new float[t];
    int n = 0;
    float end = 1f;
    for (int pos = 0; pos < t; pos++) {
      int base = (b * t + pos) * v;
      int best = 0;
      for (int k = 1; k < v; k++) {
        if (probs[base + k] > probs[base + best]) {
          best = k;
        }
      }
      if (best == CharacterSet.EOS) {
        end = probs[base];
        break;
      }
      tokens[n] = best;
      p[n] = probs[base + best];
      n++;
    }
    return new Decoded(java.util.Arrays.copyOf(tokens, n), java.util.Arrays.copyOf(p, n), end);
  }
}
