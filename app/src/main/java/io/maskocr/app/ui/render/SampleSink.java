package io.maskocr.app.ui.render;

import io.maskocr.renderer.RenderedSample;
import java.util.List;

/**
 * Where "add N samples to a workspace dataset" puts the samples; the app wires it to the
 * workspace store. Called on a background thread, chunk after chunk in index order.
 */
@FunctionalInterface
public interface SampleSink {
  /**
   * Stores one chunk of samples (image, text, boxes, clean target) in dataset {@code dataset},
   * creating the dataset on first use.
   *
   * @param dataset name typed by the user
   * @param samples the chunk, in index order
   * @param provenance what produced them (config JSON and hash, seed, size)
   * @throws Exception to stop adding; the message is shown to the user
   */
  void add(String dataset, List<RenderedSample> samples, RenderProvenance provenance) throws Exception;
}
