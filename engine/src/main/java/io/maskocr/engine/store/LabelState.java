package io.maskocr.engine.store;

/** Which samples of the annotation queue to show, by the state of their current label. */
public enum LabelState {
  /** Every sample. */
  ANY,
  /** Samples with a current text label (imported, human or model). */
  LABELLED,
  /** Samples without a label that are not marked illegible. */
  UNLABELLED,
  /** Samples whose current label or illegible mark was made by a person. */
  REVIEWED,
  /** Samples no person has labelled yet (what is left to review). */
  UNREVIEWED,
  /** Samples marked illegible. */
  ILLEGIBLE
}
