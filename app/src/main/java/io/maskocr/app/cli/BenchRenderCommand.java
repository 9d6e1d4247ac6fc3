package io.maskocr.app.cli;

import io.maskocr.engine.MaskocrHome;
import io.maskocr.renderer.ParallelRenderer;
import io.maskocr.renderer.RendererAssets;
import io.maskocr.renderer.SampleRenderer;
import io.maskocr.renderer.config.StyleConfig;
import io.maskocr.renderer.config.StyleConfigIO;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code maskocr bench render}: rendering speed of the default config at 32x128 (in memory,
 * no file writing), on one thread and on all cores.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = "Measure synthetic rendering speed (default config, 32x128, in memory).")
public final class BenchRenderCommand implements Callable<Integer> {
  @Option(names = "--json", description = "Print one JSON object as the last line.")
  boolean json;

  @Option(names = "--seconds", defaultValue = "4", description = "Seconds per measurement (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--threads", paramLabel = "N", description = "Threads for the all-cores figure (default: all cores).")
  Integer threads;

  @Option(names = "--config", paramLabel = "FILE", description = "Style config to measure instead of the default.")
  java.nio.file.Path config;

  @Override
  public Integer call() throws Exception {
    if (!(seconds > 0)) {
      throw new IllegalArgumentException("--seconds must be above 0");
    }
    StyleConfig style = config == null ? StyleConfig.defaults() : StyleConfigIO.read(config);
    SampleRenderer renderer = new SampleRenderer(style, RendererAssets.load(MaskocrHome.root()), 128, 32, 1);
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();

    // CPU time beside wall time: other processes on a shared machine lower the wall-clock
    // rate, the rate per CPU-second shows what the renderer itself costs.
    java.lang.management.ThreadMXBean threadsBean = ManagementFactory.getThreadMXBean();
    // Warm up (JIT, glyph caches) for 2 s of this thread's CPU time, not wall time: on a busy
    // machine a wall-clock warm-up ends before the hot code is compiled.
    long index = 0;
    long warmCpu = threadsBean.getCurrentThreadCpuTime() + 2_000_000_000L;
    long warmDeadline = System.nanoTime() + 30_000_000_000L;
    while (threadsBean.getCurrentThreadCpuTime() < warmCpu && System.nanoTime() < warmDeadline) {
      renderer.render(index++);
    }
    long cpu0 = threadsBean.getCurrentThreadCpuTime();
    long t0 = System.nanoTime();
    long end = t0 + (long) (seconds * 1e9);
    long oneThread = 0;
    while (System.nanoTime() < end) {
      renderer.render(index++);
      oneThread++;
    }
    double perSecondOne = oneThread / ((System.nanoTime() - t0) / 1e9);
    double perCpuSecondOne = oneThread / ((threadsBean.getCurrentThreadCpuTime() - cpu0) / 1e9);

    long all = 0;
    long processCpu0 = processCpuNanos();
    try (ParallelRenderer producer = new ParallelRenderer(renderer, n)) {
      int batch = 256 * n;
      t0 = System.nanoTime();
      end = t0 + (long) (seconds * 1e9);
      while (System.nanoTime() < end) {
        producer.forEach(index, batch, s -> { });
        index += batch;
        all += batch;
      }
    }
    double perSecondAll = all / ((System.nanoTime() - t0) / 1e9);
    double perCpuSecondAll = processCpu0 < 0 ? -1 : all / ((processCpuNanos() - processCpu0) / 1e9);
    System.out.printf(Locale.ROOT, "render 128x32, " + (config == null ? "default config" : config.toString())
        + ": %.0f images/s on %d threads, %.0f images/s on one thread; per CPU-second: %.0f (one thread),"
        + " %.0f (all threads, whole process); system load average at start %.2f on %d cores%n",
        perSecondAll, n, perSecondOne, perCpuSecondOne, perCpuSecondAll, load,
        Runtime.getRuntime().availableProcessors());
    if (json) {
      System.out.printf(Locale.ROOT, "{\"images_per_s\": %.1f, \"images_per_s_one_thread\": %.1f,"
          + " \"images_per_cpu_s_one_thread\": %.1f, \"images_per_cpu_s_all\": %.1f, \"threads\": %d,"
          + " \"cores\": %d, \"width\": 128, \"height\": 32, \"seconds\": %.1f, \"load_average_at_start\": %.2f,"
          + " \"config_sha256\": \"%s\"}%n", perSecondAll, perSecondOne, perCpuSecondOne, perCpuSecondAll, n,
          Runtime.getRuntime().availableProcessors(), seconds, load, StyleConfigIO.hash(style));
    }
    return 0;
  }

  /** CPU time of the whole JVM process (all threads); -1 when the JVM does not report it. */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }
}
