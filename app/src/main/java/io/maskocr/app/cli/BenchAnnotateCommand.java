package io.maskocr.app.cli;

import io.maskocr.engine.annotate.AnnotationBenchmark;
import io.maskocr.engine.train.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code maskocr bench annotate}: errors found per 100 reviewed, uncertainty vs random order. */
@Command(
    name = "annotate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulated annotation: a small model trained briefly on rendered text predicts a pool whose",
      "texts it never saw; an annotator reviews the K lowest-confidence predictions vs K random ones.",
      "Reports errors found per 100 reviewed for each order, their ratio, and the val accuracy after",
      "one fine-tune round on each review. Runs in a temporary workspace (deleted unless --keep)."
    })
public final class BenchAnnotateCommand implements Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--train", defaultValue = "1000", description = "Labelled training images (default: ${DEFAULT-VALUE}).")
  int train;

  @Option(names = "--pool", defaultValue = "1000", description = "Unlabelled pool to annotate (default: ${DEFAULT-VALUE}).")
  int pool;

  @Option(names = "--val", defaultValue = "300", description = "Validation images (default: ${DEFAULT-VALUE}).")
  int val;

  @Option(names = "--k", defaultValue = "100", description = "Items reviewed per ordering (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--steps", defaultValue = "600", description = "Base training steps (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--finetune-steps", defaultValue = "60", description = "Steps of each fine-tune round (default: ${DEFAULT-VALUE}).")
  int finetuneSteps;

  @Option(names = "--batch", defaultValue = "16", description = "Images per step (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--preset", defaultValue = "tiny", description = "Model preset, narrowed to --width and 2 blocks so it trains in minutes on a busy CPU (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--width", defaultValue = "64", description = "Model width (default: ${DEFAULT-VALUE}).")
  int width;

  @Option(names = "--seed", defaultValue = "11", description = "Seed of rendering, training and the random order (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--text", defaultValue = "glyphs", description = "glyphs (3-6 digit numbers as font-free glyphs with random noise: learnable in minutes), digits (the numbers through the renderer) or words (English words of 3-8 letters through the renderer, see --style); the last two need far longer --steps (default: ${DEFAULT-VALUE}).")
  String text;

  @Option(names = "--vocabulary", defaultValue = "20", description = "Distinct texts the images draw from; 0 = every text new (needs far longer --steps) (default: ${DEFAULT-VALUE}).")
  int vocabulary;

  @Option(names = "--style", paramLabel = "FILE", description = "Renderer style of digits and words, e.g. samples/render/default.json (default: a plain grey monospaced style).")
  Path style;

  @Option(names = "--keep", paramLabel = "DIR", description = "Build the workspace in DIR and keep it (to open it in the app).")
  Path keep;

  @Option(names = "--json", description = "Print the result as one JSON object on the last line.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Path dir = keep != null ? keep : Files.createTempDirectory("maskocr-bench-annotate");
    if (keep != null && Files.exists(keep.resolve("workspace"))) {
      throw new IllegalArgumentException(keep + " already holds a workspace: choose an empty folder for --keep");
    }
    try {
      AnnotationBenchmark.Config c = new AnnotationBenchmark.Config(train, pool, val, k, steps, finetuneSteps, batch,
          new ModelSpec(preset, Map.of("charset", "latin36", "maxLength", 10, "width", width, "depth", 2, "heads", 2,
              "decoderHeads", 2, "decoderDepth", 1)), seed, text, vocabulary, style);
      Map<String, Object> r = AnnotationBenchmark.run(c, dir, line -> System.err.println("bench annotate: " + line));
      BenchOutput.print(spec.commandLine().getOut(), r, json);
      return 0;
    } finally {
      if (keep == null) {
        try (Stream<Path> w = Files.walk(dir)) {
          for (Path p : w.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }
}
