package io.maskocr.app.ui.experiments;

import io.maskocr.engine.data.DataSource;
import io.maskocr.engine.data.Sample;
import io.maskocr.engine.inspect.LoadedCheckpoint;
import io.maskocr.engine.train.DataResolver;
import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.StageConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Images to inspect a checkpoint on: the first samples of each data source its run trained on
 * (workspace splits, folders or the synthetic stream), preprocessed for its model.
 */
final class InspectionImages {
  private InspectionImages() {}

  /** Up to {@code perSource} samples of every distinct data source of the checkpoint's recipe. */
  static List<Sample> of(LoadedCheckpoint c, DataResolver resolver, int perSource) {
    List<Sample> out = new ArrayList<>();
    if (c.info() == null) {
      return out;
    }
    Set<DataSpec> specs = new LinkedHashSet<>();
    for (StageConfig s : c.info().recipe().stages()) {
      specs.addAll(s.data());
    }
    for (DataSpec spec : specs) {
      try {
        // No augmentation: the viewer should show the images as they are.
        DataSpec plain = new DataSpec(spec.kind(), spec.dataset(), spec.split(), spec.path(), spec.weight(), 0.0, spec.style());
        DataSource src = resolver.resolve(plain, c.config(), 1);
        long n = Math.min(perSource, src.size());
        for (long i = 0; i < n; i++) {
          out.add(src.get(i, 0));
        }
      } catch (RuntimeException e) {
        // a source that is gone (deleted dataset) just offers no images; files still work
      }
    }
    return out;
  }
}
