package io.maskocr.engine.external;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a model can read beyond the 36-symbol evaluation charset ({@code 0-9a-z}, case folded).
 * Readings keep such characters (a PP-OCR reading of "café" stays "café"); the 36-symbol protocol
 * drops them from reading and label alike, so they are counted and shown rather than lost
 * silently.
 */
public final class CharsetCoverage {
  private final Map<String, Integer> outside = new TreeMap<>();
  private int readings;
  private int readingsWithOutside;

  /** Whether {@code cp} is in the 36-symbol charset (either case). */
  public static boolean in36(int cp) {
    return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  }

  /** Dictionary symbols that are not a single 36-symbol character. */
  public static int outside36(List<String> dictionary) {
    int n = 0;
    for (String s : dictionary) {
      if (s.codePointCount(0, s.length()) != 1 || !in36(s.codePointAt(0))) {
        n++;
      }
    }
    return n;
  }

  /** Counts one reading. */
  public synchronized void add(String text) {
    readings++;
    boolean any = false;
    for (int cp : text.codePoints().toArray()) {
      if (!in36(cp)) {
        outside.merge(Character.toString(cp), 1, Integer::sum);
        any = true;
      }
    }
    if (any) {
      readingsWithOutside++;
    }
  }

  /** Readings counted. */
  public synchronized int readings() {
    return readings;
  }

  /** Readings holding at least one character outside the 36-symbol charset. */
  public synchronized int readingsWithOutside() {
    return readingsWithOutside;
  }

  /**
   * One line: how many readings had such characters and the most frequent ones, e.g.
   * {@code 12 of 300 readings hold characters outside 0-9a-z: ' ' x7, '.' x3, 'é' x2}.
   */
  public synchronized String summary(int top) {
    if (readingsWithOutside == 0) {
      return "no reading holds a character outside 0-9a-z";
    }
    StringBuilder sb = new StringBuilder(readingsWithOutside + " of " + readings
        + " readings hold characters outside 0-9a-z (kept in the stored reading, dropped by the 36-symbol protocol):");
    outside.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
        .forEach(e -> sb.append(" '").append(e.getKey()).append("' x").append(e.getValue()));
    return sb.toString();
  }
}
