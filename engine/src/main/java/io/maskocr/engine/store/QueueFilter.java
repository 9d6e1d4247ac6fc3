package io.maskocr.engine.store;

/**
 * Which predictions the annotation queue shows. The queue is always ordered lowest confidence
 * first; these narrow it.
 *
 * @param datasetId the dataset
 * @param checkpoint predictions of this checkpoint key
 * @param split only this split; null = all
 * @param minConfidence lowest sequence confidence shown (inclusive, 0..1)
 * @param maxConfidence highest sequence confidence shown (inclusive, 0..1)
 * @param minLength shortest predicted text, in characters
 * @param maxLength longest predicted text, in characters
 * @param labelState by the current label's state
 * @param disagreesOnly only samples whose current label differs from the prediction (to find
 *     label errors in imported data)
 * @param comparison how prediction and label are compared, for this filter and the
 *     "disagree" count: under the checkpoint's charset (see {@link LabelComparison}); null =
 *     {@link LabelComparison#EXACT}
 * @param reviewer a team's review queue: only samples whose current label is another person's
 *     and not itself a review (null = no such narrowing)
 */
public record QueueFilter(
    long datasetId,
    String checkpoint,
    Split split,
    double minConfidence,
    double maxConfidence,
    int minLength,
    int maxLength,
    LabelState labelState,
    boolean disagreesOnly,
    LabelComparison comparison,
    String reviewer) {

  /** Checks the ranges; messages name the values. */
  public QueueFilter {
    if (checkpoint == null || checkpoint.isBlank()) {
      throw new IllegalArgumentException("the queue needs a checkpoint whose predictions it shows");
    }
    if (minConfidence > maxConfidence) {
      throw new IllegalArgumentException(
          "confidence range is empty: min " + minConfidence + " > max " + maxConfidence);
    }
    if (minLength < 0 || minLength > maxLength) {
      throw new IllegalArgumentException("length range must be 0 <= min <= max, got " + minLength + ".." + maxLength);
    }
    labelState = labelState == null ? LabelState.ANY : labelState;
    comparison = comparison == null ? LabelComparison.EXACT : comparison;
  }

  /** Everything the checkpoint predicted for a dataset. */
  public static QueueFilter all(long datasetId, String checkpoint) {
    return new QueueFilter(datasetId, checkpoint, null, 0, 1, 0, Integer.MAX_VALUE, LabelState.ANY, false,
        LabelComparison.EXACT, null);
  }

  public QueueFilter withSplit(Split s) {
    return new QueueFilter(datasetId, checkpoint, s, minConfidence, maxConfidence, minLength, maxLength,
        labelState, disagreesOnly, comparison, reviewer);
  }

  public QueueFilter withConfidence(double min, double max) {
    return new QueueFilter(datasetId, checkpoint, split, min, max, minLength, maxLength, labelState,
        disagreesOnly, comparison, reviewer);
  }

  public QueueFilter withLength(int min, int max) {
    return new QueueFilter(datasetId, checkpoint, split, minConfidence, maxConfidence, min, max, labelState,
        disagreesOnly, comparison, reviewer);
  }

  public QueueFilter withLabelState(LabelState s) {
    return new QueueFilter(datasetId, checkpoint, split, minConfidence, maxConfidence, minLength, maxLength, s,
        disagreesOnly, comparison, reviewer);
  }

  /** Only (or not only) the samples whose label differs from the prediction under {@code how}. */
  public QueueFilter withDisagreesOnly(boolean only, LabelComparison how) {
    return new QueueFilter(datasetId, checkpoint, split, minConfidence, maxConfidence, minLength, maxLength,
        labelState, only, how, reviewer);
  }

  /** The review queue of {@code name}: labels by other people, not yet checked by anyone. */
  public QueueFilter withReviewer(String name) {
    return new QueueFilter(datasetId, checkpoint, split, minConfidence, maxConfidence, minLength, maxLength,
        labelState, disagreesOnly, comparison, name == null || name.isBlank() ? null : name.strip());
  }

  /** As the canonical constructor, without a reviewer. */
  public QueueFilter(long datasetId, String checkpoint, Split split, double minConfidence, double maxConfidence,
      int minLength, int maxLength, LabelState labelState, boolean disagreesOnly, LabelComparison comparison) {
    this(datasetId, checkpoint, split, minConfidence, maxConfidence, minLength, maxLength, labelState, disagreesOnly,
        comparison, null);
  }

  public QueueFilter withCheckpoint(String c) {
    return new QueueFilter(datasetId, c, split, minConfidence, maxConfidence, minLength, maxLength, labelState,
        disagreesOnly, comparison, reviewer);
  }
}
