package io.maskocr.engine.store;

/**
 * Counts of an annotation queue. {@code matching} obeys the whole filter; the others count the
 * queue under the filter's dataset, checkpoint, split, confidence and length limits only, so a
 * user sees what each label-state choice would give.
 *
 * @param matching items the filter selects
 * @param total items under the non-label filters
 * @param labelled with a text label
 * @param unlabelled without a label and not illegible
 * @param reviewed current label made by a person
 * @param illegible marked illegible
 * @param disagreeing labelled, and the prediction differs from the label
 */
public record QueueCounts(
    long matching, long total, long labelled, long unlabelled, long reviewed, long illegible, long disagreeing) {

  /** Items a person has not reviewed yet. */
  public long unreviewed() {
    return total - reviewed;
  }
}
