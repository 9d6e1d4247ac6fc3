package io.maskocr.engine.infer;

import io.maskocr.engine.model.CharacterSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Host-side reading of the auxiliary CTC head's output for one image: the greedy path, and the
 * exact log-likelihood of any symbol sequence (the CTC forward algorithm). Token 0, the end
 * token, is the blank.
 */
final class CtcScores {
  private final float[] logProbs; // (N, V) log-softmax
  private final double[] probs; // the same, exponentiated
  private final int frames;
  private final int vocabulary;

  /**
   * @param logProbs {@code (B, N, V)} log-softmax of the CTC logits
   * @param b which image of the batch
   */
  CtcScores(float[] logProbs, int b, int frames, int vocabulary) {
    int size = frames * vocabulary;
    this.logProbs = Arrays.copyOfRange(logProbs, b * size, (b + 1) * size);
    this.probs = new double[size];
    for (int i = 0; i < size; i++) {
      probs[i] = Math.exp(this.logProbs[i]);
    }
    this.frames = frames;
    this.vocabulary = vocabulary;
  }

  /** Best symbol per frame, repeats merged and blanks dropped. */
  int[] greedy() {
    List<Integer> ids = new ArrayList<>();
    int previous = CharacterSet.EOS;
    for (int t = 0; t < frames; t++) {
      int best = 0;
      for (int k = 1; k < vocabulary; k++) {
        if (lp(t, k) > lp(t, best)) {
          best = k;
        }
      }
      if (best != previous && best != CharacterSet.EOS) {
        ids.add(best);
      }
      previous = best;
    }
    return ids.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The {@code beam} most likely readings by CTC prefix beam search (each frame extends the
   * prefixes by its {@code beam} most likely symbols), most likely first.
   */
  List<int[]> beamSearch(int beam) {
    Map<String, double[]> beams = new HashMap<>(); // prefix -> {log P(ends in blank), log P(ends in symbol)}
    beams.put("", new double[] {0, Double.NEGATIVE_INFINITY});
    for (int t = 0; t < frames; t++) {
      int[] symbols = topSymbols(t, beam);
      Map<String, double[]> next = new HashMap<>();
      for (Map.Entry<String, double[]> e : beams.entrySet()) {
        String prefix = e.getKey();
        double pb = e.getValue()[0];
        double pnb = e.getValue()[1];
        double[] same = next.computeIfAbsent(prefix, k -> newScores());
        same[0] = logAdd(same[0], logAdd(pb, pnb) + lp(t, CharacterSet.EOS));
        int last = prefix.isEmpty() ? -1 : prefix.charAt(prefix.length() - 1);
        if (last >= 0) {
          same[1] = logAdd(same[1], pnb + lp(t, last)); // a repeat merges into the same symbol
        }
        for (int c : symbols) {
          double[] longer = next.computeIfAbsent(prefix + (char) c, k -> newScores());
          // The same symbol twice needs a blank between, so only the blank-ending paths extend.
          longer[1] = logAdd(longer[1], (c == last ? pb : logAdd(pb, pnb)) + lp(t, c));
        }
      }
      beams = best(next, beam);
    }
    List<int[]> out = new ArrayList<>();
    for (String prefix : best(beams, beam).keySet()) {
      out.add(prefix.chars().toArray());
    }
    return out;
  }

  private static double[] newScores() {
    return new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
  }

  /** The {@code k} most likely non-blank symbols of frame {@code t} (selection, k is small). */
  private int[] topSymbols(int t, int k) {
    int n = Math.min(k, vocabulary - 1);
    int[] top = new int[n];
    boolean[] taken = new boolean[vocabulary];
    for (int i = 0; i < n; i++) {
      int best = -1;
      for (int id = 1; id < vocabulary; id++) {
        if (!taken[id] && (best < 0 || lp(t, id) > lp(t, best))) {
          best = id;
        }
      }
      taken[best] = true;
      top[i] = best;
    }
    return top;
  }

  /** The {@code k} prefixes of highest total probability, in that order. */
  private static Map<String, double[]> best(Map<String, double[]> scored, int k) {
    List<Map.Entry<String, double[]>> entries = new ArrayList<>(scored.entrySet());
    double[] totals = new double[entries.size()];
    for (int i = 0; i < totals.length; i++) {
      double[] p = entries.get(i).getValue();
      totals[i] = logAdd(p[0], p[1]);
    }
    Map<String, double[]> out = new LinkedHashMap<>();
    boolean[] taken = new boolean[totals.length];
    for (int round = 0; round < Math.min(k, totals.length); round++) {
      int top = -1;
      for (int i = 0; i < totals.length; i++) {
        if (!taken[i] && (top < 0 || totals[i] > totals[top])) {
          top = i;
        }
      }
      taken[top] = true;
      out.put(entries.get(top).getKey(), entries.get(top).getValue());
    }
    return out;
  }

  /**
   * Natural log of the probability that the CTC head emits exactly {@code symbols} (summed over
   * every alignment); negative infinity when the frames cannot hold it. The forward recursion
   * runs on probabilities rescaled every frame (the logs of the scales add up), which is exact
   * and far cheaper than log-space addition.
   */
  double logLikelihood(int[] symbols) {
    int states = 2 * symbols.length + 1;
    double[] alpha = new double[states];
    double[] next = new double[states];
    alpha[0] = p(0, CharacterSet.EOS);
    if (symbols.length > 0) {
      alpha[1] = p(0, symbols[0]);
    }
    double logScale = 0;
    for (int t = 0; ; t++) {
      double sum = 0;
      for (double a : alpha) {
        sum += a;
      }
      if (sum <= 0) {
        return Double.NEGATIVE_INFINITY;
      }
      logScale += Math.log(sum);
      for (int s = 0; s < states; s++) {
        alpha[s] /= sum;
      }
      if (t == frames - 1) {
        break;
      }
      for (int s = 0; s < states; s++) {
        int label = s % 2 == 0 ? CharacterSet.EOS : symbols[s / 2];
        double reach = alpha[s];
        if (s >= 1) {
          reach += alpha[s - 1];
        }
        if (s >= 2 && label != CharacterSet.EOS && label != symbols[s / 2 - 1]) {
          reach += alpha[s - 2];
        }
        next[s] = reach * p(t + 1, label);
      }
      double[] swap = alpha;
      alpha = next;
      next = swap;
    }
    double end = states == 1 ? alpha[0] : alpha[states - 1] + alpha[states - 2];
    return end > 0 ? logScale + Math.log(end) : Double.NEGATIVE_INFINITY;
  }

  private double lp(int t, int k) {
    return logProbs[t * vocabulary + k];
  }

  private double p(int t, int k) {
    return probs[t * vocabulary + k];
  }

  static double logAdd(double a, double b) {
    if (a == Double.NEGATIVE_INFINITY) {
      return b;
    }
    if (b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    double max = Math.max(a, b);
    return max + Math.log1p(Math.exp(Math.min(a, b) - max));
  }
}
