package io.maskocr.engine.annotate;

/**
 * What one active-learning round did.
 *
 * @param runId the new workspace run
 * @param checkpoint key of its final checkpoint (predictions of the queue are stored under it)
 * @param trainCount labelled train images it trained on
 * @param valCount labelled val images scored (0 = no val split: accuracies are NaN)
 * @param valAccuracyBefore word accuracy of the base checkpoint on the val split
 * @param valAccuracyAfter word accuracy of the new checkpoint on the val split
 * @param repredicted the re-prediction of the dataset with the new checkpoint
 * @param stopped true when cancelled (the checkpoint saved at the stop is used)
 */
public record FinetuneOutcome(
    long runId, String checkpoint, int trainCount, int valCount, double valAccuracyBefore,
    double valAccuracyAfter, PredictionSummary repredicted, boolean stopped) {}
