package io.maskocr.engine.infer;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A character n-gram language model of words over the 36-symbol protocol (lower-case letters
 * and digits, other characters ignored), with interpolated absolute discounting.
 *
 * <p>Why: the recognizer's two heads both read from the image; neither knows that "mmirror" is
 * an unlikely English spelling and "mirror" a likely one. A small prior over spellings breaks
 * such ties among the readings {@link JointDecoding} already considers. Order 5 (four
 * characters of context) is enough to know English spelling without memorizing whole words.
 */
public final class CharLanguageModel {
  /** Letters and digits, then the end of the word. */
  static final int SYMBOLS = 37;

  private static final int END = 36;
  private static final int START = 37;
  private static final double DISCOUNT = 0.75;

  private final int order;
  /**
   * Per context (packed, see {@link #key}): counts of each next symbol, then their total, then
   * how many different symbols followed it.
   */
  private final Map<Long, int[]> counts = new HashMap<>();

  private CharLanguageModel(int order) {
    this.order = order;
  }

  /**
   * Counts every word of {@code words} (normalized to the 36-symbol protocol; words that keep
   * nothing are skipped).
   *
   * @param order n of the n-grams, 1..8
   */
  public static CharLanguageModel train(Iterable<String> words, int order) {
    if (order < 1 || order > 8) {
      throw new IllegalArgumentException("n-gram order must be 1..8, got " + order);
    }
    CharLanguageModel lm = new CharLanguageModel(order);
    for (String w : words) {
      int[] s = symbols(w);
      if (s.length > 0) {
        lm.count(s);
      }
    }
    return lm;
  }

  /** Log-probability (natural) of {@code text} as a whole word, its end included. */
  public double logProbability(String text) {
    int[] s = symbols(text);
    double sum = 0;
    for (int i = 0; i <= s.length; i++) {
      sum += Math.log(probability(s, i));
    }
    return sum;
  }

  /** Log-probability that symbol {@code next} (36 = the end) follows the word start {@code prefix}. */
  double nextLogProbability(int[] prefix, int next) {
    int[] s = Arrays.copyOf(prefix, prefix.length + 1);
    s[prefix.length] = next;
    return Math.log(next == END ? probability(prefix, prefix.length) : probability(s, prefix.length));
  }

  /** Letters and digits of {@code text}, lower-cased, as symbol indices. */
  static int[] symbols(String text) {
    String t = text.toLowerCase(Locale.ROOT);
    int[] out = new int[t.length()];
    int n = 0;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9') {
        out[n++] = c - '0';
      } else if (c >= 'a' && c <= 'z') {
        out[n++] = 10 + c - 'a';
      }
    }
    return Arrays.copyOf(out, n);
  }

  private void count(int[] s) {
    for (int i = 0; i <= s.length; i++) {
      int next = i < s.length ? s[i] : END;
      for (int k = 0; k < order; k++) {
        int[] c = counts.computeIfAbsent(key(s, i, k), x -> new int[SYMBOLS + 2]);
        if (c[next]++ == 0) {
          c[SYMBOLS + 1]++;
        }
        c[SYMBOLS]++;
      }
    }
  }

  /** P(symbol at {@code i} | up to order-1 preceding symbols), the end when i = length. */
  private double probability(int[] s, int i) {
    int next = i < s.length ? s[i] : END;
    double p = 1.0 / SYMBOLS;
    for (int k = 0; k < order; k++) {
      int[] c = counts.get(key(s, i, k));
      if (c == null) {
        break; // a longer context unseen: keep the shorter one's estimate
      }
      int total = c[SYMBOLS];
      int types = c[SYMBOLS + 1];
      p = Math.max(c[next] - DISCOUNT, 0) / total + DISCOUNT * types / total * p;
    }
    return p;
  }

  /** The {@code k} symbols before position {@code i} (start markers before the word), packed. */
  private static long key(int[] s, int i, int k) {
    long key = k;
    for (int j = i - k; j < i; j++) {
      key = key * 64 + (j < 0 ? START : s[j]);
    }
    return key;
  }
}
