package io.maskocr.engine.external;

import java.util.ArrayList;
import java.util.List;

/**
 * The symbol of each output class, built from the settings' class layout and the dictionary:
 * for PP-OCR {@code [<blank>, dictionary..., " "]}, for OnnxTR's PARSeq
 * {@code [dictionary..., <eos>]}. The special class (blank or end token) has no symbol.
 */
public final class ClassTable {
  /** The CTC blank. */
  public static final String BLANK = "<blank>";
  /** The end-of-sequence token. */
  public static final String EOS = "<eos>";
  /** Stands for every line of the dictionary, in file order. */
  public static final String DICTIONARY = "<dictionary>";

  private final String[] symbols;
  private final int special;

  private ClassTable(String[] symbols, int special) {
    this.symbols = symbols;
    this.special = special;
  }

  /** The table of {@code layout} (see {@link ModelSettings.Output#classes()}) over {@code dictionary}. */
  public static ClassTable of(List<String> layout, List<String> dictionary) {
    List<String> out = new ArrayList<>();
    int special = -1;
    for (String part : layout) {
      if (DICTIONARY.equals(part)) {
        out.addAll(dictionary);
      } else if (BLANK.equals(part) || EOS.equals(part)) {
        special = out.size();
        out.add("");
      } else {
        out.add(part);
      }
    }
    return new ClassTable(out.toArray(String[]::new), special);
  }

  /** Number of classes the model must output. */
  public int size() {
    return symbols.length;
  }

  /** Index of the blank (CTC) or end token (attention decoders). */
  public int special() {
    return special;
  }

  /** The symbol of class {@code c} (empty for the special class). */
  public String symbol(int c) {
    return symbols[c];
  }

  /**
   * Refuses a model whose output classes do not match, in the terms of the layout (for
   * example "6625 output classes, dictionary gives 6623 + blank + space").
   */
  public void check(int outputClasses, List<String> layout, int dictionarySize, String file) {
    if (outputClasses == symbols.length) {
      return;
    }
    StringBuilder parts = new StringBuilder();
    for (String part : layout) {
      String name = DICTIONARY.equals(part) ? "" : BLANK.equals(part) ? "blank" : EOS.equals(part) ? "end token"
          : " ".equals(part) ? "space" : "'" + part + "'";
      if (!name.isEmpty()) {
        parts.append(" + ").append(name);
      }
    }
    throw new IllegalArgumentException(file + ": " + outputClasses + " output classes, dictionary gives "
        + dictionarySize + parts + " = " + symbols.length
        + "; use the keys file this model was exported with");
  }
}
