package io.maskocr.engine.infer;

import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.GreedyDecoding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Chooses among the parallel decoder's reading, the CTC head's and a few close alternatives by
 * scoring each under both heads: {@code w * log P_ctc(y) + (1 - w) * log P_dec(y)} (joint
 * CTC/attention rescoring, as in hybrid speech recognizers).
 *
 * <p>Why: the two heads fail differently. The parallel decoder reads characters well but
 * sometimes slips a position (a doubled or dropped letter, "mmirror", "matix"), which the CTC
 * head's alignment makes unlikely; the CTC head merges or splits letters the decoder gets right.
 * Comparing each head's confidence in its own reading does not work (the heads are calibrated
 * differently); asking each head how likely the other's reading is does.
 */
final class JointDecoding {
  /** Readings kept by the CTC beam search. */
  static final int BEAM = 5;

  /** Positions of the decoder's reading tried with their second choice (the least sure ones). */
  static final int SWAPS = 3;

  private JointDecoding() {}

  /**
   * The best-scoring reading of image {@code b}.
   *
   * @param probs decoder softmax {@code (B, T, V)}
   * @param ctc the CTC head's scores for the same image
   * @param ctcWeight weight {@code w} of the CTC log-likelihood, in [0, 1]
   */
  static GreedyDecoding.Decoded decode(float[] probs, int b, int t, int v, CtcScores ctc, double ctcWeight) {
    return decode(probs, b, t, v, ctc, ctcWeight, null);
  }

  /**
   * As above, with {@code prior} (a weighted log-probability of a reading's tokens, such as a
   * language model's; null for none) added to every candidate's score.
   */
  static GreedyDecoding.Decoded decode(
      float[] probs, int b, int t, int v, CtcScores ctc, double ctcWeight, ToDoubleFunction<int[]> prior) {
    GreedyDecoding.Decoded decoder = GreedyDecoding.decode(probs, b, t, v);
    int[] ctcReading = ctc.greedy();
    if (Arrays.equals(decoder.tokens(), ctcReading)) {
      return decoder; // both heads read the same: the common case, and nothing to rescore
    }
    int[] best = decoder.tokens();
    double bestScore = score(probs, b, t, v, ctc, ctcWeight, prior, best);
    for (int[] candidate : candidates(probs, b, t, v, ctc, ctcReading, decoder.tokens())) {
      double s = score(probs, b, t, v, ctc, ctcWeight, prior, candidate);
      if (s > bestScore) {
        best = candidate;
        bestScore = s;
      }
    }
    return best == decoder.tokens() ? decoder : underDecoder(probs, b, t, v, best);
  }

  /** Readings worth scoring besides the decoder's greedy one. */
  private static List<int[]> candidates(
      float[] probs, int b, int t, int v, CtcScores ctc, int[] ctcReading, int[] greedy) {
    List<int[]> out = new ArrayList<>();
    out.add(ctcReading);
    out.addAll(ctc.beamSearch(BEAM));
    for (int pos : leastConfident(probs, b, t, v, greedy, SWAPS)) {
      int[] swapped = greedy.clone();
      swapped[pos] = secondBest(probs, (b * t + pos) * v, v, greedy[pos]);
      out.add(swapped);
    }
    out.removeIf(c -> c.length > t || Arrays.equals(c, greedy));
    return out;
  }

  /** The {@code k} positions of {@code greedy} where the decoder was least sure. */
  private static int[] leastConfident(float[] probs, int b, int t, int v, int[] greedy, int k) {
    return java.util.stream.IntStream.range(0, greedy.length)
        .boxed()
        .sorted(java.util.Comparator.comparingDouble(pos -> probs[(b * t + pos) * v + greedy[pos]]))
        .limit(k)
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /** The most probable non-end symbol other than {@code first} at one position. */
  private static int secondBest(float[] probs, int base, int v, int first) {
    int best = -1;
    for (int k = 1; k < v; k++) {
      if (k != first && (best < 0 || probs[base + k] > probs[base + best])) {
        best = k;
      }
    }
    return best;
  }

  private static double score(
      float[] probs, int b, int t, int v, CtcScores ctc, double w, ToDoubleFunction<int[]> prior, int[] tokens) {
    double heads = w * ctc.logLikelihood(tokens) + (1 - w) * decoderLogLikelihood(probs, b, t, v, tokens);
    return prior == null ? heads : heads + prior.applyAsDouble(tokens);
  }

  /** Log-probability the parallel decoder gives {@code tokens} followed by the end token. */
  static double decoderLogLikelihood(float[] probs, int b, int t, int v, int[] tokens) {
    if (tokens.length > t) {
      return Double.NEGATIVE_INFINITY;
    }
    double sum = 0;
    for (int pos = 0; pos < tokens.length; pos++) {
      sum += Math.log(Math.max(1e-30, probs[(b * t + pos) * v + tokens[pos]]));
    }
    if (tokens.length < t) {
      sum += Math.log(Math.max(1e-30, probs[(b * t + tokens.length) * v + CharacterSet.EOS]));
    }
    return sum;
  }

  /** {@code tokens} with the decoder's probability for each, so confidence keeps its meaning. */
  private static GreedyDecoding.Decoded underDecoder(float[] probs, int b, int t, int v, int[] tokens) {
    float[] p = new float[tokens.length];
    for (int pos = 0; pos < tokens.length; pos++) {
      p[pos] = probs[(b * t + pos) * v + tokens[pos]];
    }
    float end = tokens.length < t ? probs[(b * t + tokens.length) * v + CharacterSet.EOS] : 1f;
    return new GreedyDecoding.Decoded(tokens, p, end);
  }
}
