package io.maskocr.app.cli;

import io.maskocr.engine.io.ImportRequest;
import io.maskocr.engine.io.ImportSummary;
import io.maskocr.engine.io.Importer;
import io.maskocr.engine.io.Json;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.Prediction;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.SampleQuery;
import io.maskocr.engine.store.Workspace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code maskocr bench store}: import throughput and annotation-queue latency on a fresh
 * temporary workspace. The generated images are written first; only the import is timed.
 */
@Command(
    name = "store",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark the workspace store in a fresh temporary workspace.",
      "import_per_s: import of N generated small PNGs (the files are written",
      "  first; only the import is timed).",
      "queue_query_p95_ms: a page of 100 lowest-confidence predictions of one",
      "  dataset, random depth in the first 100 pages, P rows in the table.",
      "samples_page_p95_ms: a page of 100 samples at a random offset (the grid).",
      "Wall-clock figures suffer when other processes share the cores;",
      "import_per_cpu_s and queue_query_cpu_p95_ms count CPU time only, and",
      "load_avg_1m shows how busy the machine was.",
      "Targets: import_per_s >= 5000, queue_query_p95_ms < 20."
    })
public final class BenchStoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--samples", paramLabel = "N", defaultValue = "100000",
      description = "Images to generate and import (default: ${DEFAULT-VALUE}).")
  int samples;

  @Option(names = "--predictions", paramLabel = "P", defaultValue = "1000000",
      description = "Prediction rows in the table (default: ${DEFAULT-VALUE}).")
  int predictions;

  @Option(names = "--queries", paramLabel = "Q", defaultValue = "300",
      description = "Timed queue queries (default: ${DEFAULT-VALUE}).")
  int queries;

  @Option(names = "--json", description = "Print one JSON object as the last line.")
  boolean json;

  @Option(names = "--keep", description = "Keep the temporary folder (its path is printed).")
  boolean keep;

  @Override
  public Integer call() throws Exception {
    if (samples < 1 || predictions < 1 || queries < 1) {
      throw new IllegalArgumentException("--samples, --predictions and --queries must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    Path tmp = Files.createTempDirectory("maskocr-bench-store");
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("bench", "store");
    try {
      Path images = tmp.resolve("images-in");
      long genStart = System.nanoTime();
      generate(images, samples);
      log("generated %,d PNGs in %.1f s", samples, secs(genStart));

      try (Workspace ws = Workspace.open(tmp.resolve("workspace"))) {
        ImportSummary s;
        try (ProgressBar bar = ProgressBar.onStderr("importing")) {
          long t0 = System.nanoTime();
          long cpu0 = processCpuNanos();
          s = new Importer(ws).run(ImportRequest.of(images, "bench"), p -> bar.update(p.processed(), p.total()), null);
          double secs = secs(t0);
          double cpuSecs = (processCpuNanos() - cpu0) / 1e9;
          bar.close();
          r.put("samples", samples);
          r.put("imported", s.imported());
          r.put("skipped", s.skipped());
          r.put("import_seconds", round(secs, 3));
          r.put("import_per_s", round(s.imported() / secs, 1));
          // CPU time does not depend on what else runs on the machine: items per CPU-second
          r.put("import_cpu_seconds", round(cpuSecs, 3));
          r.put("import_per_cpu_s", round(s.imported() / cpuSecs, 1));
        }
        log("import: %s, %.0f/s", s.oneLine(), r.get("import_per_s"));

        Dataset d = ws.datasets().require("bench");
        List<Long> ids = sampleIds(ws, d);
        int checkpoints = (int) Math.ceil(predictions / (double) ids.size());
        long p0 = System.nanoTime();
        long rows = fillPredictions(ws, ids, checkpoints, predictions);
        log("inserted %,d prediction rows (%d checkpoints) in %.1f s", rows, checkpoints, secs(p0));
        r.put("prediction_rows", rows);
        r.put("prediction_insert_per_s", round(rows / secs(p0), 1));

        String checkpoint = "ckpt-" + (checkpoints - 1);
        long perCheckpoint = ws.predictions().count(d.id(), checkpoint);
        double[] cpuMs = new double[queries];
        double[] ms = timeQueue(ws, d.id(), checkpoint, perCheckpoint, cpuMs);
        r.put("queue_queries", queries);
        r.put("queue_rows_of_checkpoint", perCheckpoint);
        r.put("queue_query_p50_ms", round(percentile(ms, 50), 3));
        r.put("queue_query_p95_ms", round(percentile(ms, 95), 3));
        r.put("queue_query_max_ms", round(percentile(ms, 100), 3));
        r.put("queue_query_cpu_p95_ms", round(percentile(cpuMs, 95), 3));
        double[] grid = timeSamplePages(ws, d.id(), ids.size());
        r.put("samples_page_p95_ms", round(percentile(grid, 95), 3));
      }
      r.put("cores", Runtime.getRuntime().availableProcessors());
      // other processes on the machine slow every figure; the load tells how busy it was
      r.put("load_avg_1m", round(java.lang.management.ManagementFactory.getOperatingSystemMXBean()
          .getSystemLoadAverage(), 2));
      r.put("targets_met",
          ((Number) r.get("import_per_s")).doubleValue() >= 5000
              && ((Number) r.get("queue_query_p95_ms")).doubleValue() < 20);
      if (json) {
        out.println(Json.mapper().writeValueAsString(r));
      } else {
        r.forEach((k, v) -> out.printf("%-26s %s%n", k, v));
      }
      out.flush();
    } finally {
      if (keep) {
        log("kept %s", tmp);
      } else {
        log("removing %s", tmp);
        deleteTree(tmp);
      }
    }
    return 0;
  }

  /** Distinct 64x16 grey PNGs (noise strokes), 1,000 per sub-folder, written in parallel. */
  static void generate(Path dir, int n) {
    IntStream.range(0, n).parallel().forEach(i -> {
      SplittableRandom rnd = new SplittableRandom(i * 0x9E3779B97F4A7C15L);
      BufferedImage img = new BufferedImage(64, 16, BufferedImage.TYPE_BYTE_GRAY);
      byte[] px = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
      Arrays.fill(px, (byte) 0xF0);
      for (int k = 0; k < 40; k++) {
        px[rnd.nextInt(px.length)] = (byte) rnd.nextInt(128);
      }
      px[0] = (byte) i; // the first bytes carry the index: no two images are equal
      px[1] = (byte) (i >>> 8);
      px[2] = (byte) (i >>> 16);
      Path f = dir.resolve(String.format("%04d/%08d.png", i / 1000, i));
      try {
        Files.createDirectories(f.getParent());
        ImageIO.write(img, "png", f.toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  private static List<Long> sampleIds(Workspace ws, Dataset d) {
    List<Long> ids = new ArrayList<>();
    SampleQuery q = SampleQuery.of(d.id(), 10_000);
    long after = 0;
    while (true) {
      List<Sample> page = ws.samples().page(q.after(after));
      if (page.isEmpty()) {
        return ids;
      }
      page.forEach(s -> ids.add(s.id()));
      after = page.get(page.size() - 1).id();
    }
  }

  private static long fillPredictions(Workspace ws, List<Long> ids, int checkpoints, int total) {
    Random rnd = new Random(7);
    AtomicLong rows = new AtomicLong();
    try (ProgressBar bar = ProgressBar.onStderr("predictions")) {
      List<Prediction> batch = new ArrayList<>(20_000);
      outer:
      for (int c = 0; c < checkpoints; c++) {
        for (long id : ids) {
          if (rows.get() + batch.size() >= total) {
            break outer;
          }
          float a = rnd.nextFloat();
          float b = rnd.nextFloat();
          batch.add(new Prediction(id, "ckpt-" + c, "word", a * b, new float[] {a, b, 1f, 1f}));
          if (batch.size() == 20_000) {
            ws.predictions().insertBatch(batch);
            rows.addAndGet(batch.size());
            batch.clear();
            bar.update(rows.get(), total);
          }
        }
      }
      ws.predictions().insertBatch(batch);
      rows.addAndGet(batch.size());
    }
    return rows.get();
  }

  private double[] timeQueue(Workspace ws, long datasetId, String checkpoint, long rows, double[] cpuMs) {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    Random rnd = new Random(11);
    int pages = (int) Math.max(1, Math.min(100, rows / 100));
    for (int i = 0; i < 20; i++) { // warm the page cache and the JIT
      ws.predictions().lowestConfidence(datasetId, checkpoint, (long) rnd.nextInt(pages) * 100, 100);
    }
    double[] ms = new double[queries];
    for (int i = 0; i < queries; i++) {
      long offset = (long) rnd.nextInt(pages) * 100;
      long c0 = threads.getCurrentThreadCpuTime(); // SQLite runs on this thread (JNI)
      long t0 = System.nanoTime();
      int n = ws.predictions().lowestConfidence(datasetId, checkpoint, offset, 100).size();
      ms[i] = (System.nanoTime() - t0) / 1e6;
      cpuMs[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
      if (n == 0) {
        throw new IllegalStateException("queue page at offset " + offset + " was empty");
      }
    }
    return ms;
  }

  /** A grid page of 100 samples at a random offset: what scrolling the Datasets view costs. */
  private double[] timeSamplePages(Workspace ws, long datasetId, int count) {
    Random rnd = new Random(13);
    double[] ms = new double[queries];
    for (int i = -20; i < queries; i++) {
      long offset = rnd.nextInt(Math.max(1, count - 100));
      long t0 = System.nanoTime();
      ws.samples().page(SampleQuery.of(datasetId, 100).withOffset(offset));
      if (i >= 0) {
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
    }
    return ms;
  }

  private static long processCpuNanos() {
    if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  static double percentile(double[] values, double p) {
    double[] v = values.clone();
    Arrays.sort(v);
    int idx = (int) Math.ceil(p / 100.0 * v.length) - 1;
    return v[Math.max(0, Math.min(v.length - 1, idx))];
  }

  private static double secs(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }

  private static void log(String fmt, Object... args) {
    System.err.println(String.format(java.util.Locale.ROOT, fmt, args));
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
