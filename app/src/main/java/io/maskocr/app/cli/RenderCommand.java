package io.maskocr.app.cli;

import io.maskocr.engine.MaskocrHome;
import io.maskocr.renderer.ParallelRenderer;
import io.maskocr.renderer.RendererAssets;
import io.maskocr.renderer.SampleRenderer;
import io.maskocr.renderer.config.StyleConfig;
import io.maskocr.renderer.config.StyleConfigIO;
import io.maskocr.renderer.io.SampleWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code maskocr render}: writes a folder of synthetic samples (images, clean targets,
 * labels.tsv importable by {@code maskocr import}, boxes.jsonl, render.json provenance).
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description = "Render synthetic word images with character boxes and ODM clean targets.")
public final class RenderCommand implements Callable<Integer> {
  @Option(names = "--count", required = true, paramLabel = "N", description = "Number of samples.")
  long count;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (new or empty).")
  Path out;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Style config JSON (default: samples/render/default.json).")
  Path config;

  @Option(names = "--seed", defaultValue = "0", description = "Seed; same seed and config give the same samples (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--height", defaultValue = "32", description = "Image height (default: ${DEFAULT-VALUE}).")
  int height;

  @Option(names = "--width", defaultValue = "128", description = "Image width (default: ${DEFAULT-VALUE}).")
  int width;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
  Integer threads;

  @Option(names = "--format", defaultValue = "png",
      description = "Styled image format: png or jpg (quality 95); clean targets are PNG (default: ${DEFAULT-VALUE}).")
  String format;

  @Override
  public Integer call() throws Exception {
    if (count < 1) {
      throw new IllegalArgumentException("--count must be at least 1, got " + count);
    }
    SampleWriter.ImageFormat imageFormat = switch (format.toLowerCase(java.util.Locale.ROOT)) {
      case "png" -> SampleWriter.ImageFormat.PNG;
      case "jpg", "jpeg" -> SampleWriter.ImageFormat.JPG;
      default -> throw new IllegalArgumentException("--format must be png or jpg, got '" + format + "'");
    };
    StyleConfig style = config == null ? StyleConfig.defaults() : StyleConfigIO.read(config);
    SampleRenderer renderer =
        new SampleRenderer(style, RendererAssets.load(MaskocrHome.root()), width, height, seed);
    int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    AtomicLong done = new AtomicLong();
    long t0 = System.nanoTime();
    try (ProgressBar progress = ProgressBar.onStderr("rendering");
        SampleWriter writer = new SampleWriter(out, 0, imageFormat);
        ParallelRenderer producer = new ParallelRenderer(renderer, n)) {
      producer.forEach(0, count, s -> {
        writer.write(s);
        progress.update(done.incrementAndGet(), count);
      });
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    Files.writeString(out.resolve("render.json"), provenance(style), StandardCharsets.UTF_8);
    System.out.printf("rendered %d samples to %s in %.1f s (%.0f images/s including image writing, %d threads)%n",
        count, out, seconds, count / seconds, n);
    return 0;
  }

  private String provenance(StyleConfig style) {
    return "{\n  \"seed\": " + seed + ",\n  \"count\": " + count + ",\n  \"width\": " + width
        + ",\n  \"height\": " + height + ",\n  \"configSha256\": \"" + StyleConfigIO.hash(style)
        + "\",\n  \"config\": " + StyleConfigIO.toJson(style).strip().replace("\n", "\n  ") + "\n}\n";
  }
}
