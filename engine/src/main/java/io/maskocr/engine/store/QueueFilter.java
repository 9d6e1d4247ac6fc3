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
 * @param ignoreCase compare prediction and label ignoring ASCII case (for case-folding
 *     charsets such as latin36, whose predictions are lower case)
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
    boolean ignoreCase) {

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
  }

  /** Everything the checkpoint predicted for a dataset. */
  public static QueueFilter all(long datasetId, String checkpoint) {
    return new QueueFilter(datasetId, checkpoint, null, 0, 1, 0, Integer.MAX_VALUE, LabelState.ANY, false, false);
  }

  public QueueFilter withSplit(Split s) {
    return new QueueFilter(datasetId, checkpoint, s, minConfidence, maxConfidence, minLength, maxLength,
        labelState, disagreesOnly, ignoreCase);
  }

  public QueueFilter withConfidence(double min, double max) {
    return new QueueFilter(datasetId, checkpoint, split, min, max, minLength, maxLength, labelState,
        disagreesOnly, ignoreCase);
  }

  public QueueFilter withLength(int min, int max) {
    return new QueueFilter(datasetId, checkpoint, split, minConfidence, maxConfidence, min, max, labelState,
        disagreesOnly, ignoreCase);
  }

  public QueueFilter withLabelState(LabelState s) {
    return new QueueFilter(datasetId, checkpoint, split, minConfidence, maxConfidence, minLength, maxLength, s,
        disagreesOnly, ignoreCase);
  }

  public QueueFilter withDisagreesOnly(boolean only, boolean caseless) {
    return new QueueFilter(datasetId, checkpoint, split, minConfidence, maxConfidence, minLength, maxLength,
        labelState, only, caseless);
  }

  public QueueFilter withCheckpoint(String c) {
    return new QueueFilter(datasetId, c, split, minConfidence, maxConfidence, minLength, maxLength, labelState,
        disagreesOnly, ignoreCase);
  }
}
