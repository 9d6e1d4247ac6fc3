package io.maskocr.engine.annotate;

import io.maskocr.engine.store.Split;
import java.util.List;

/**
 * What a prediction job reads: a dataset (optionally one split), or a selection of its samples.
 *
 * @param datasetId the dataset
 * @param split only this split; null = all (ignored for a selection)
 * @param sampleIds the selection, or null for the whole dataset / split
 */
public record PredictionTarget(long datasetId, Split split, List<Long> sampleIds) {
  /** Copies the selection. */
  public PredictionTarget {
    sampleIds = sampleIds == null ? null : List.copyOf(sampleIds);
  }

  /** Every sample of a dataset. */
  public static PredictionTarget dataset(long datasetId) {
    return new PredictionTarget(datasetId, null, null);
  }

  /** The given samples of a dataset. */
  public static PredictionTarget selection(long datasetId, List<Long> sampleIds) {
    return new PredictionTarget(datasetId, null, sampleIds);
  }
}
