package io.maskocr.engine.annotate;

import io.maskocr.engine.store.LabelEntry;
import io.maskocr.engine.store.LabelKind;

/**
 * The label state of a sample at one moment: a text, illegible, or none.
 *
 * @param text the text ({@code ""} unless {@code kind} is TEXT)
 * @param kind text, illegible, or cleared (= no label)
 */
public record LabelValue(String text, LabelKind kind) {
  /** No label. */
  public static final LabelValue NONE = new LabelValue("", LabelKind.CLEARED);
  /** Marked illegible. */
  public static final LabelValue ILLEGIBLE = new LabelValue("", LabelKind.ILLEGIBLE);

  /** Normalizes: only a text label keeps its text. */
  public LabelValue {
    kind = kind == null ? LabelKind.TEXT : kind;
    text = kind == LabelKind.TEXT ? (text == null ? "" : text) : "";
  }

  /** A text label. */
  public static LabelValue text(String text) {
    return new LabelValue(text, LabelKind.TEXT);
  }

  /** The state after a history entry (null entry = never labelled). */
  public static LabelValue of(LabelEntry entry) {
    return entry == null ? NONE : new LabelValue(entry.text(), entry.kind());
  }

  /** Short form for lists and messages: the text, "(illegible)" or "(no label)". */
  public String display() {
    return switch (kind) {
      case TEXT -> text;
      case ILLEGIBLE -> "(illegible)";
      case CLEARED -> "(no label)";
    };
  }
}
