package io.maskocr.engine.external;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy decoding of one row of an output {@code [B, T, C]} of probabilities: CTC (repeats
 * merged, then blanks dropped, PaddleOCR's {@code CTCLabelDecode}) or until the end token
 * (PARSeq). The special class of the {@link ClassTable} is the blank or the end token.
 */
final class GreedyReading {
  private GreedyReading() {}

  /**
   * @param probs {@code [B, T, C]} probabilities
   * @param b the row
   * @param product confidence as the product of the kept probabilities (and the end token's),
   *     otherwise their mean (0 for an empty reading, as PaddleOCR)
   */
  static Decoded decode(float[] probs, int b, int t, int c, ClassTable table, boolean ctc, boolean product) {
    StringBuilder text = new StringBuilder();
    List<Float> kept = new ArrayList<>();
    int prev = -1;
    double endProbability = 1;
    for (int step = 0; step < t; step++) {
      int row = (b * t + step) * c;
      int best = 0;
      float bestP = probs[row];
      for (int k = 1; k < c; k++) {
        if (probs[row + k] > bestP) {
          bestP = probs[row + k];
          best = k;
        }
      }
      if (ctc) {
        if (best != table.special() && best != prev) {
          text.append(table.symbol(best));
          kept.add(bestP);
        }
        prev = best;
      } else {
        if (best == table.special()) {
          endProbability = bestP;
          break;
        }
        text.append(table.symbol(best));
        kept.add(bestP);
      }
    }
    float[] p = new float[kept.size()];
    double sum = 0;
    double prod = endProbability;
    for (int i = 0; i < p.length; i++) {
      p[i] = kept.get(i);
      sum += p[i];
      prod *= p[i];
    }
    double confidence = product ? prod : p.length == 0 ? 0 : sum / p.length;
    return new Decoded(text.toString(), p, confidence);
  }

  /** Softmax over the last axis, in place (for exports whose output holds logits). */
  static void softmax(float[] x, int rows, int c) {
    for (int r = 0; r < rows; r++) {
      int o = r * c;
      float max = Float.NEGATIVE_INFINITY;
      for (int k = 0; k < c; k++) {
        max = Math.max(max, x[o + k]);
      }
      double sum = 0;
      for (int k = 0; k < c; k++) {
        double e = Math.exp(x[o + k] - max);
        x[o + k] = (float) e;
        sum += e;
      }
      for (int k = 0; k < c; k++) {
        x[o + k] = (float) (x[o + k] / sum);
      }
    }
  }
}
