package io.maskocr.engine.train;

import io.maskocr.engine.data.ImageCache;
import io.maskocr.engine.data.StreamOptions;
import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How fast training data streams from a workspace: a fine-tuning stage over every train split
 * of the workspace is built through {@link WorkspaceDataResolver} and {@link StageRegistry},
 * exactly as a run builds it, and its {@link Stage#prepare} (sample choice, file read, decode,
 * resize, patches and targets) is called step after step on one thread, as the trainer's
 * prefetch thread calls it. No model is made: the figure is what data can supply, to compare
 * with what a training step consumes.
 */
public final class DataBenchmark {
  private DataBenchmark() {}

  /**
   * Streams {@code warmup + measured} batches of {@code batch} images.
   *
   * @param workspace folder of the workspace (every dataset's train split is read)
   * @param model the model the images are prepared for (input size, charset)
   * @param options cache budget and read-ahead
   * @return data, index_seconds, batch_ms_p50/p95/max, cache figures, images_per_cpu_s, live_heap_mb,
   *     images_per_s, peak_rss_mb
   */
  public static Map<String, Object> stream(
      Path workspace, ModelSpec model, StreamOptions options, int batch, int warmup, int measured, long seed) {
    if (batch < 1 || warmup < 0 || measured < 1) {
      throw new IllegalArgumentException("need batch >= 1, warmup >= 0 and measured >= 1 batches");
    }
    ModelConfig c = model.resolve();
    CharacterSet cs = CharacterSet.fromSpec(c.charset());
    StageConfig config = new StageConfig("finetune", warmup + measured, batch, 1e-4, null, 1, null, null, null, null,
        List.of(DataSpec.split("*", "train")));
    Map<String, Object> out = new LinkedHashMap<>();
    try (Workspace ws = Workspace.open(workspace)) {
      WorkspaceDataResolver resolver = new WorkspaceDataResolver(ws, null, options);
      long t0 = System.nanoTime();
      Stage stage = StageRegistry.core().create(config, new StageContext(c, cs, resolver, seed));
      double indexSecs = (System.nanoTime() - t0) / 1e9;
      for (int step = 0; step < warmup; step++) {
        stage.prepare(step);
      }
      double[] ms = new double[measured];
      long cpu0 = processCpuNanos();
      long start = System.nanoTime();
      for (int i = 0; i < measured; i++) {
        long b0 = System.nanoTime();
        stage.prepare(warmup + i);
        ms[i] = (System.nanoTime() - b0) / 1e6;
      }
      double secs = (System.nanoTime() - start) / 1e9;
      double cpuSecs = (processCpuNanos() - cpu0) / 1e9;
      double peakRss = PeakRss.peakMb();
      ImageCache.Stats cache = resolver.imageCache().stats();
      out.put("data", stage.dataProvenance().get(0));
      out.put("index_seconds", round(indexSecs, 2));
      out.put("batch", batch);
      out.put("batches", measured);
      out.put("batch_ms_p50", round(percentile(ms, 50), 2));
      out.put("batch_ms_p95", round(percentile(ms, 95), 2));
      out.put("batch_ms_max", round(percentile(ms, 100), 2));
      out.put("cache_budget_mb", round(options.cacheBytes() / 1048576.0, 1));
      out.put("cache_peak_mb", round(cache.peakBytes() / 1048576.0, 1));
      out.put("cache_hit_rate", round(cache.hits() / (double) Math.max(1, cache.hits() + cache.misses()), 3));
      out.put("read_ahead_batches", options.readAheadBatches());
      out.put("heap_max_mb", Runtime.getRuntime().maxMemory() >> 20);
      // CPU time does not depend on what else runs on the machine: images per CPU-second of
      // the whole process (both data threads, the garbage collector, SQLite)
      out.put("images_per_cpu_s", round(measured * (double) batch / cpuSecs, 1));
      out.put("live_heap_mb", liveHeapMb());
      out.put("images_per_s", round(measured * (double) batch / secs, 1));
      out.put("peak_rss_mb", peakRss);
    }
    return out;
  }

  private static long processCpuNanos() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  /**
   * Heap still reachable after a full collection: what streaming really holds (sample list,
   * cache, batches in flight), as opposed to the heap the collector chose to keep around.
   */
  private static double liveHeapMb() {
    System.gc();
    return round(java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0, 1);
  }

  static double percentile(double[] values, double p) {
    double[] v = values.clone();
    Arrays.sort(v);
    int idx = (int) Math.ceil(p / 100.0 * v.length) - 1;
    return v[Math.max(0, Math.min(v.length - 1, idx))];
  }

  private static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }
}
