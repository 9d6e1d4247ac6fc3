package io.maskocr.engine.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Word-level text metrics, defined once (as in parseq's base system):
 *
 * <ul>
 *   <li>36-symbol protocol: lower-case and keep only {@code 0-9a-z} before comparing;
 *   <li>1-NED per ICDAR 2019: {@code 1 - levenshtein(p, g) / max(|p|, |g|)} (1 when both empty).
 * </ul>
 */
public final class TextMetrics {
  private TextMetrics() {}

  /** Text as the common 36-symbol protocol compares it. */
  public static String normalize36(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
      if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** Edit distance over Unicode code points. */
  public static int levenshtein(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    int[] prev = new int[y.length + 1];
    int[] cur = new int[y.length + 1];
    for (int j = 0; j <= y.length; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= x.length; i++) {
      cur[0] = i;
      for (int j = 1; j <= y.length; j++) {
        int sub = prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[y.length];
  }

  /** 1 - normalized edit distance (ICDAR 2019); 1 for two empty strings. */
  public static double oneMinusNed(String predicted, String truth) {
    int n = Math.max(predicted.codePointCount(0, predicted.length()), truth.codePointCount(0, truth.length()));
    return n == 0 ? 1.0 : 1.0 - (double) levenshtein(predicted, truth) / n;
  }

  /**
   * The character-level differences of an optimal alignment: substitutions {@code (g, p)},
   * deletions {@code (g, "")} and insertions {@code ("", p)}.
   */
  public static List<String[]> differences(String truth, String predicted) {
    int[] g = truth.codePoints().toArray();
    int[] p = predicted.codePoints().toArray();
    int[][] d = new int[g.length + 1][p.length + 1];
    for (int i = 0; i <= g.length; i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= p.length; j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= g.length; i++) {
      for (int j = 1; j <= p.length; j++) {
        d[i][j] = Math.min(d[i - 1][j - 1] + (g[i - 1] == p[j - 1] ? 0 : 1), Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
      }
    }
    List<String[]> out = new ArrayList<>();
    int i = g.length;
    int j = p.length;
    while (i > 0 || j > 0) {
      if (i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + (g[i - 1] == p[j - 1] ? 0 : 1)) {
        if (g[i - 1] != p[j - 1]) {
          out.add(new String[] {str(g[i - 1]), str(p[j - 1])});
        }
        i--;
        j--;
      } else if (i > 0 && d[i][j] == d[i - 1][j] + 1) {
        out.add(new String[] {str(g[i - 1]), ""});
        i--;
      } else {
        out.add(new String[] {"", str(p[j - 1])});
        j--;
      }
    }
    java.util.Collections.reverse(out);
    return out;
  }

  private static String str(int cp) {
    return new String(Character.toChars(cp));
  }
}
