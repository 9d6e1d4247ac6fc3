package io.maskocr.engine.store;

import java.util.Locale;

/** Who produced a label entry: an import, a person, or a model prediction accepted as label. */
public enum LabelSource {
  IMPORT,
  HUMAN,
  MODEL;

  /** The name stored in the database ({@code import|human|model}). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static LabelSource fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
