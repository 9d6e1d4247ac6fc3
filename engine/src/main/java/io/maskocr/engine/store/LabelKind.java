package io.maskocr.engine.store;

import java.util.Locale;

/**
 * What a label entry says about its sample: a text, "this image is illegible", or "no label"
 * (a first label taken back by undo). Only {@link #TEXT} gives the sample a current label;
 * the others leave {@link Sample#label()} null, so training and label search skip the sample.
 */
public enum LabelKind {
  TEXT,
  ILLEGIBLE,
  CLEARED;

  /** The name stored in the database ({@code text|illegible|cleared}). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static LabelKind fromCode(String code) {
    return code == null ? TEXT : valueOf(code.toUpperCase(Locale.ROOT));
  }
}
