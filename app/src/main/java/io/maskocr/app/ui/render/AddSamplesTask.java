package io.maskocr.app.ui.render;

import io.maskocr.renderer.ParallelRenderer;
import io.maskocr.renderer.RenderedSample;
import io.maskocr.renderer.RendererAssets;
import io.maskocr.renderer.SampleRenderer;
import io.maskocr.renderer.config.StyleConfig;
import io.maskocr.renderer.config.StyleConfigIO;
import java.util.List;
import javafx.concurrent.Task;

/**
 * Renders {@code count} samples of a config on all cores and hands them to a
 * {@link SampleSink} in chunks, reporting progress; cancellable between chunks. Sample i is
 * index i under the seed, so the first ones are exactly those the preview shows.
 */
final class AddSamplesTask extends Task<Integer> {
  private static final int CHUNK = 256;
  private final StyleConfig config;
  private final RendererAssets assets;
  private final long seed;
  private final int count;
  private final String dataset;
  private final SampleSink sink;

  AddSamplesTask(StyleConfig config, RendererAssets assets, long seed, int count, String dataset, SampleSink sink) {
    this.config = config;
    this.assets = assets;
    this.seed = seed;
    this.count = count;
    this.dataset = dataset;
    this.sink = sink;
  }

  @Override
  protected Integer call() throws Exception {
    SampleRenderer renderer = new SampleRenderer(config, assets, 128, 32, seed);
    RenderProvenance provenance = new RenderProvenance(StyleConfigIO.toJson(config), StyleConfigIO.hash(config),
        seed, renderer.width(), renderer.height());
    int done = 0;
    try (ParallelRenderer producer = new ParallelRenderer(renderer, Runtime.getRuntime().availableProcessors())) {
      while (done < count && !isCancelled()) {
        int n = Math.min(CHUNK, count - done);
        List<RenderedSample> chunk = producer.batch(done, n);
        sink.add(dataset, chunk, provenance);
        done += n;
        updateProgress(done, count);
        updateMessage("added " + done + " / " + count + " samples to '" + dataset + "'");
      }
    }
    return done;
  }
}
