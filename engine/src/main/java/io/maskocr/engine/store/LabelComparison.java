package io.maskocr.engine.store;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the queue decides that "the model disagrees with the current label": the label is first
 * put in the form the model could at best have read, then compared exactly with the prediction.
 * That form drops every character the model cannot output (spaces and punctuation for latin36,
 * a character missing from a custom charset) and, only for a case-folding charset such as
 * latin36, lower-cases the label first. A case-sensitive charset (latin94) keeps case, so "Bird"
 * read as "bird" is a disagreement there. Without a charset ({@link #EXACT}) texts must be equal.
 *
 * @param symbols every symbol the model can output, in any order; empty for {@link #EXACT}
 * @param caseFolding lower-case the label before comparing (the charset folds labels)
 */
public record LabelComparison(String symbols, boolean caseFolding) {
  /** Prediction and label must be equal character for character. */
  public static final LabelComparison EXACT = new LabelComparison("", false);

  /** Checks the value. */
  public LabelComparison {
    if (symbols == null) {
      throw new IllegalArgumentException("symbols must not be null (use LabelComparison.EXACT for none)");
    }
  }

  /** True for {@link #EXACT}: compare the texts as they are. */
  public boolean exact() {
    return symbols.isEmpty();
  }

  /** The label as the model could at best read it (see the class comment). */
  public String readable(String label) {
    return readable(label, symbolSet(symbols), caseFolding);
  }

  /** True when the prediction differs from the label under this comparison. */
  public boolean differs(String prediction, String label) {
    return exact() ? !prediction.equals(label) : !prediction.equals(readable(label));
  }

  static Set<Integer> symbolSet(String symbols) {
    return symbols.codePoints().boxed().collect(Collectors.toUnmodifiableSet());
  }

  static String readable(String label, Set<Integer> symbols, boolean caseFolding) {
    String s = caseFolding ? label.toLowerCase(Locale.ROOT) : label;
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().filter(symbols::contains).forEach(sb::appendCodePoint);
    return sb.toString();
  }
}
