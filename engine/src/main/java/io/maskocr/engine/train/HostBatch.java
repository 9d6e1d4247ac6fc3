package io.maskocr.engine.train;

import io.maskocr.engine.data.Sample;
import java.util.List;

/**
 * A batch assembled in plain Java arrays by {@link Stage#prepare}, possibly on a prefetch
 * thread; the stage turns it into NDArrays inside the step's scope.
 */
public interface HostBatch {
  /** The samples of the batch, in order. */
  List<Sample> samples();
}
