package io.maskocr.engine.io;

/**
 * Refuses labels no recognizer can learn from and that break list formats on export: empty
 * text, control characters (a NUL ends strings in C tools; an escape sequence rewrites the
 * terminal of whoever prints the label) and text far longer than any word crop holds. A tab
 * is kept: TSV labels are everything after the first tab, verbatim.
 */
final class LabelCheck {
  /** Longest label accepted, in characters: generous for a line of text, far below abuse. */
  static final int MAX_CHARS = 1000;

  private LabelCheck() {}

  /** What is wrong with {@code label}, or null when it is fine (null labels are unlabeled: fine). */
  static String problem(String label) {
    if (label == null) {
      return null;
    }
    if (label.isEmpty()) {
      return "empty label";
    }
    if (label.length() > MAX_CHARS) {
      return label.length() + " characters, more than " + MAX_CHARS;
    }
    for (int i = 0; i < label.length(); i++) {
      char ch = label.charAt(i);
      if (ch != '\t' && Character.getType(ch) == Character.CONTROL) {
        return String.format("control character U+%04X at position %d", (int) ch, i + 1);
      }
    }
    return null;
  }
}
