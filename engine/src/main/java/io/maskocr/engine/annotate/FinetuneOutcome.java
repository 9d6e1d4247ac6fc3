package io.maskocr.engine.annotate;

import java.util.List;

/**
 * What one active-learning round did. A round never leaves the queue on a worse model: when
 * the new checkpoint scores lower on the val split than the base, the base is kept (the new
 * run stays recorded, with both figures).
 *
 * @param runId the new workspace run
 * @param trained key of the new run's final checkpoint
 * @param checkpoint key of the checkpoint the queue uses from now on: {@code trained}, or the
 *     base when the new one scored worse on val
 * @param trainCount labelled train images it trained on
 * @param replay the base's training data mixed into every batch (empty: none)
 * @param lr the peak learning rate used
 * @param valCount labelled val images scored (0 = no val split: accuracies are NaN, and the
 *     new checkpoint is kept)
 * @param valAccuracyBefore word accuracy of the base checkpoint on the val split
 * @param valAccuracyAfter word accuracy of the new checkpoint on the val split
 * @param repredicted the re-prediction of the dataset with the new checkpoint; null when the
 *     base was kept (its predictions are already stored)
 * @param stopped true when cancelled (the checkpoint saved at the stop is used)
 */
public record FinetuneOutcome(
    long runId, String trained, String checkpoint, int trainCount, List<String> replay, double lr, int valCount,
    double valAccuracyBefore, double valAccuracyAfter, PredictionSummary repredicted, boolean stopped) {

  /** True when the new checkpoint replaced the base. */
  public boolean keptNew() {
    return checkpoint.equals(trained);
  }

  /** The val accuracy of the checkpoint the queue uses now. */
  public double valAccuracyKept() {
    return keptNew() ? valAccuracyAfter : valAccuracyBefore;
  }

  /** Keep the new checkpoint unless it is measurably worse on val (ties and no val keep it). */
  static boolean keepNew(double before, double after) {
    return Double.isNaN(before) || Double.isNaN(after) || after >= before;
  }
}
