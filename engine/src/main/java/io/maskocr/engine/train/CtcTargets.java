package io.maskocr.engine.train;

/**
 * Host-side tables for {@link CtcLoss}: a batch's labels expanded to CTC states (blank, c1,
 * blank, c2, ..., blank), S = 2 * longest + 1. Additive masks hold 0 where a transition or
 * state is allowed and {@link #NEG} where not.
 *
 * @param states S
 * @param emission {@code (B, V, S)} one-hot: which token each state emits
 * @param start {@code (B, S)} allowed first states (the first blank and first symbol)
 * @param skip {@code (B, S)} allowed jumps s-2 -> s (a symbol differing from the one before)
 * @param end {@code (B, S)} allowed last states (the last symbol and the blank after it)
 * @param weight {@code (B)} per-sample weight: 1 / (label length * feasible samples), 0 for a
 *     label that needs more steps than there are tokens
 */
record CtcTargets(int states, float[] emission, float[] start, float[] skip, float[] end, float[] weight) {
  /** "Impossible" in log space; finite so that sums of several stay finite. */
  static final float NEG = -1e4f;

  /**
   * @param labels token ids per sample without the end token (0 = blank never appears)
   * @param vocabulary V
   * @param steps T, the number of encoder tokens
   */
  static CtcTargets of(int[][] labels, int vocabulary, int steps) {
    int b = labels.length;
    int longest = 0;
    for (int[] l : labels) {
      longest = Math.max(longest, l.length);
    }
    int s = 2 * longest + 1;
    float[] emission = new float[b * vocabulary * s];
    float[] start = new float[b * s];
    float[] skip = new float[b * s];
    float[] end = new float[b * s];
    float[] weight = new float[b];
    java.util.Arrays.fill(start, NEG);
    java.util.Arrays.fill(skip, NEG);
    java.util.Arrays.fill(end, NEG);
    int feasible = 0;
    boolean[] ok = new boolean[b];
    for (int i = 0; i < b; i++) {
      int[] l = labels[i];
      int[] ext = new int[s]; // blank (0) everywhere except the odd states
      for (int k = 0; k < l.length; k++) {
        ext[2 * k + 1] = l[k];
      }
      for (int st = 0; st < s; st++) {
        emission[(i * vocabulary + ext[st]) * s + st] = 1f;
        if (st >= 2 && ext[st] != 0 && ext[st] != ext[st - 2]) {
          skip[i * s + st] = 0f;
        }
      }
      start[i * s] = 0f;
      if (l.length > 0) {
        start[i * s + 1] = 0f;
        end[i * s + 2 * l.length - 1] = 0f;
      }
      end[i * s + 2 * l.length] = 0f;
      int repeats = 0;
      for (int k = 1; k < l.length; k++) {
        repeats += l[k] == l[k - 1] ? 1 : 0;
      }
      ok[i] = l.length > 0 && l.length + repeats <= steps;
      feasible += ok[i] ? 1 : 0;
    }
    for (int i = 0; i < b; i++) {
      weight[i] = ok[i] ? 1f / (labels[i].length * (float) feasible) : 0f;
    }
    return new CtcTargets(s, emission, start, skip, end, weight);
  }
}
