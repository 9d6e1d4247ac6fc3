package io.maskocr.engine.store;

/**
 * A page request over the samples of one dataset, ordered by sample id.
 *
 * <p>Use {@code offset} for random access (a scroll bar) or {@code afterId} for keyset paging
 * (cheap at any depth): with {@code afterId > 0} only samples with a larger id are returned.
 *
 * @param datasetId the dataset
 * @param labelSearch substring to look for in the current label; null or blank = all
 * @param split only this split; null = all
 * @param afterId keyset cursor (the last id of the previous page), 0 = from the start
 * @param offset rows to skip (after {@code afterId})
 * @param limit page size (1..10000)
 */
public record SampleQuery(
    long datasetId, String labelSearch, Split split, long afterId, long offset, int limit) {

  public SampleQuery {
    if (limit < 1 || limit > 10_000) {
      throw new IllegalArgumentException("page limit must be 1..10000, was " + limit);
    }
    if (offset < 0 || afterId < 0) {
      throw new IllegalArgumentException("offset and afterId must be >= 0");
    }
  }

  /** First page of {@code limit} samples of a dataset, no filter. */
  public static SampleQuery of(long datasetId, int limit) {
    return new SampleQuery(datasetId, null, null, 0, 0, limit);
  }

  public SampleQuery withLabelSearch(String text) {
    return new SampleQuery(datasetId, text, split, afterId, offset, limit);
  }

  public SampleQuery withSplit(Split s) {
    return new SampleQuery(datasetId, labelSearch, s, afterId, offset, limit);
  }

  public SampleQuery withOffset(long o) {
    return new SampleQuery(datasetId, labelSearch, split, afterId, o, limit);
  }

  public SampleQuery after(long id) {
    return new SampleQuery(datasetId, labelSearch, split, id, 0, limit);
  }
}
