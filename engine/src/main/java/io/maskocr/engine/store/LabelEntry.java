package io.maskocr.engine.store;

import java.time.Instant;

/**
 * One entry of a sample's label history. Entries are only ever appended.
 *
 * @param id database id (increases with time)
 * @param sampleId the sample
 * @param text the label text (may be empty: "no text")
 * @param author who made it (user name, "import", a checkpoint id...)
 * @param source import, human or model
 * @param time when it was recorded
 * @param kind a text, illegible, or cleared (entries made before schema 5 are text)
 * @param conflict true for an entry saved while someone else's newer entry was current: it is
 *     kept in the history but never became the label (see {@link Labels#save})
 */
public record LabelEntry(
    long id, long sampleId, String text, String author, LabelSource source, Instant time, LabelKind kind,
    boolean conflict) {

  /** The sample's label after this entry: the text, or null for illegible / cleared. */
  public String labelOrNull() {
    return kind == LabelKind.TEXT ? text : null;
  }
}
