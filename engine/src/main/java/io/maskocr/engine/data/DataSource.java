package io.maskocr.engine.data;

/**
 * Random-access training data. {@link #get} must be a pure function of the index (same index,
 * same sample, including augmentation), so a resumed run sees exactly the data it would have
 * seen. Implementations must be safe to call from a prefetch thread.
 */
public interface DataSource {
  /** Number of distinct samples; {@link Long#MAX_VALUE} for an endless stream (synthetic). */
  long size();

  /**
   * The sample at {@code index} (0 <= index < size).
   *
   * @param variant seeds augmentation (the trainer passes the global draw number, so each
   *     epoch sees a different augmentation of the same image); ignored when not augmenting
   */
  Sample get(long index, long variant);

  /** One line saying what this is, for the run's provenance (dataset id, split, hash...). */
  String describe();

  /**
   * How many batches a {@link BatchSampler} should prepare ahead on a background thread when it
   * reads this source. Sources that read files (streamed workspace splits) ask for some, so
   * decoding overlaps the trainer's step; in-memory and rendered sources keep the default 0.
   */
  default int readAheadBatches() {
    return 0;
  }

  /** True when the source yields a finite list that should be shuffled per epoch. */
  default boolean finite() {
    return size() != Long.MAX_VALUE;
  }
}
