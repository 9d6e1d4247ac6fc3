package io.maskocr.app.cli;

import io.maskocr.engine.data.StreamOptions;
import io.maskocr.engine.bench.Benchmarks;
import io.maskocr.engine.train.DataBenchWorkspace;
import io.maskocr.engine.train.DataBenchmark;
import io.maskocr.engine.train.ModelSpec;
import io.maskocr.engine.train.PeakRss;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code maskocr bench data}: how fast training data streams from a large workspace. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = {
      "Stream training batches from a workspace of N small generated word crops, the way a",
      "fine-tuning run reads a split (sample list in memory, images read by id from the store",
      "through a bounded cache, next batches read ahead), and report the rate and memory.",
      "The workspace is built once (with progress) and reused from --dir; delete it to rebuild.",
      "images_per_s: batches of 64 prepared per second (read, decode, resize, patches, targets).",
      "images_per_cpu_s: the same per CPU-second of the process (less affected by a busy machine).",
      "peak_rss_mb: peak resident memory of the whole JVM while streaming (VmHWM); live_heap_mb:",
      "  heap still reachable after a full GC at the end (the rest is the collector's slack).",
      "Targets: images_per_s >= 3 x what bench train consumes; peak_rss_mb <= 2048."
    })
public final class BenchDataCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin ThreadsOption threadsOption;

  @Option(names = "--size", paramLabel = "N", defaultValue = "1000000",
      description = "Samples in the workspace (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--distinct", paramLabel = "D", defaultValue = "250000",
      description = "Distinct image files; samples beyond D reuse them in further datasets, because each"
          + " file takes a 4 KiB block however small (default: ${DEFAULT-VALUE}, about 1 GB of files).")
  int distinct;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "Workspace folder, built when missing (default: maskocr-bench-data-N-D in the temp folder).")
  Path dir;

  @Option(names = "--batches", defaultValue = "400", description = "Measured batches (default: ${DEFAULT-VALUE}).")
  int batches;

  @Option(names = "--warmup", defaultValue = "20", description = "Warm-up batches (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--batch", defaultValue = "64", description = "Images per batch (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--cache-mb", paramLabel = "MB",
      description = "Decoded-image cache budget (default: " + StreamOptions.DEFAULT_CACHE_MB + ", or -D"
          + StreamOptions.CACHE_MB_PROPERTY + ").")
  Long cacheMb;

  @Option(names = "--read-ahead", paramLabel = "B",
      description = "Batches read ahead on a background thread (default: " + StreamOptions.DEFAULT_READ_AHEAD
          + ", or -D" + StreamOptions.READ_AHEAD_PROPERTY + ").")
  Integer readAhead;

  @Option(names = "--compare-train",
      description = {"Also run bench train (tiny, linear stem, batch 64, 10 steps) to compare the rates.",
          "The trainer runs at nice 10: on a busy machine its rate says more about the load than the model."})
  boolean compareTrain;

  @Option(names = "--json", description = "Print the result as one JSON object on the last line.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    StreamOptions defaults = StreamOptions.defaults();
    StreamOptions options = new StreamOptions(
        cacheMb != null ? cacheMb << 20 : defaults.cacheBytes(),
        readAhead != null ? readAhead : defaults.readAheadBatches());
    Path folder = dir != null ? dir : DataBenchWorkspace.defaultDir(size, Math.min(size, distinct));
    DataBenchWorkspace.Built built;
    try (PhaseBars bars = new PhaseBars()) {
      built = DataBenchWorkspace.ensure(folder, size, distinct, bars::update);
    }
    log("%s %s: %,d samples over %,d image files (%.1f MB of PNG), built in %.1f s",
        built.reused() ? "reusing" : "built", folder, built.size(), built.distinct(),
        built.imageBytes() / 1048576.0, built.buildSeconds());
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("bench", "data");
    r.put("workspace", folder.toString());
    r.put("samples", built.size());
    r.put("image_files", built.distinct());
    r.put("image_mb", Math.round(built.imageBytes() / 1048576.0 * 10) / 10.0);
    r.put("workspace_reused", built.reused());
    r.put("build_seconds", Math.round(built.buildSeconds() * 10) / 10.0);
    if (!built.reused()) {
      // the build's own peak would hide the streaming figure; measure streaming from here
      r.put("build_peak_rss_mb", PeakRss.peakMb());
      System.gc();
      r.put("peak_rss_reset", PeakRss.reset());
    }
    r.putAll(DataBenchmark.stream(folder, new ModelSpec("tiny", Map.of()), options, batch, warmup, batches, 1L));
    r.put("cores", Runtime.getRuntime().availableProcessors());
    // other processes on the machine slow every wall-clock figure; the load tells how busy it was
    r.put("load_avg_1m", Math.round(
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0);
    double ips = ((Number) r.get("images_per_s")).doubleValue();
    if (compareTrain) {
      // as bench train: every core for the engine, after the data figures (natives add memory)
      threadsOption.applyOrDefault(Runtime.getRuntime().availableProcessors());
      Map<String, Object> t = Benchmarks.train(new ModelSpec("tiny", Map.of("stem", "linear")), batch, 3, 10);
      double train = ((Number) t.get("images_per_s")).doubleValue();
      r.put("train_images_per_s", train);
      r.put("data_over_train", Math.round(ips / train * 100) / 100.0);
      r.put("targets_met", ips >= 3 * train && ((Number) r.get("peak_rss_mb")).doubleValue() <= 2048);
    } else {
      r.put("target", "images_per_s >= 3 x bench train images_per_s (tiny, batch 64); peak_rss_mb <= 2048");
    }
    r.put("images_per_s", r.remove("images_per_s")); // the headline figures close the line
    r.put("peak_rss_mb", r.remove("peak_rss_mb"));
    PrintWriter out = spec.commandLine().getOut();
    BenchOutput.print(out, r, json);
    return 0;
  }

  private static void log(String fmt, Object... args) {
    System.err.println(String.format(Locale.ROOT, fmt, args));
  }

  /** One progress bar per build phase (images, then samples). */
  private static final class PhaseBars implements AutoCloseable {
    private String phase;
    private ProgressBar bar;

    synchronized void update(String name, long done, long total) {
      if (!name.equals(phase)) {
        close();
        phase = name;
        bar = ProgressBar.onStderr("building " + name);
      }
      bar.update(done, total);
    }

    @Override
    public synchronized void close() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }
}
