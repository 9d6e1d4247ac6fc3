package io.maskocr.engine.store;

/**
 * A label to append to a sample's history.
 *
 * @param sampleId the sample
 * @param text the new label ({@code ""} for {@link LabelKind#ILLEGIBLE} and {@link LabelKind#CLEARED})
 * @param author who made it
 * @param source import, human or model
 * @param kind a text, illegible, or cleared
 */
public record NewLabel(long sampleId, String text, String author, LabelSource source, LabelKind kind) {
  /** A text label. */
  public NewLabel(long sampleId, String text, String author, LabelSource source) {
    this(sampleId, text, author, source, LabelKind.TEXT);
  }

  /** Null kind means a text label. */
  public NewLabel {
    kind = kind == null ? LabelKind.TEXT : kind;
  }
}
