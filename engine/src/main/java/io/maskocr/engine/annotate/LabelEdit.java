package io.maskocr.engine.annotate;

/**
 * One label change of an annotation session, as data: undo appends {@code before} to the
 * sample's history again, redo appends {@code after}. Nothing is ever overwritten.
 *
 * @param sampleId the sample
 * @param before the label before the change
 * @param after the label the change made
 * @param outcomeBefore how the session counted the sample before (null = not counted)
 * @param outcomeAfter how the session counts it after
 */
public record LabelEdit(
    long sampleId, LabelValue before, LabelValue after, Outcome outcomeBefore, Outcome outcomeAfter) {

  /** How a reviewed item counts in the session figures. */
  public enum Outcome {
    /** The prediction was saved unchanged. */
    ACCEPTED,
    /** The annotator changed the prediction before saving. */
    CORRECTED,
    /** Marked illegible. */
    ILLEGIBLE
  }
}
