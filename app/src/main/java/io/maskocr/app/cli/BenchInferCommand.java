package io.maskocr.app.cli;

import io.maskocr.engine.train.Benchmarks;
import io.maskocr.engine.train.ModelSpec;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code maskocr bench infer}: recognition throughput in crops per second. */
@Command(
    name = "infer",
    mixinStandardHelpOptions = true,
    description = "Measure recognition throughput (patching, forward pass, decoding) in crops per second.")
public final class BenchInferCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin ThreadsOption threadsOption;
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--preset", defaultValue = "tiny", description = "Model preset (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--stem", defaultValue = "linear", description = "Token stem: linear (the preset's), conv (the recipes') or conv-strided (about a fifth faster than conv) (default: ${DEFAULT-VALUE}).")
  String stem;

  @Option(names = "--batch", defaultValue = "64", description = "Crops per forward pass (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--batches", defaultValue = "20", description = "Measured batches (default: ${DEFAULT-VALUE}).")
  int batches;

  @Option(names = "--json", description = "Print the result as one JSON object on the last line.")
  boolean json;

  @Override
  public Integer call() {
    // Batched inference has no data preparation running beside it (the crops are made before
    // timing), so by default it gets every core, like bench train.
    threadsOption.applyOrDefault(Runtime.getRuntime().availableProcessors());
    java.io.PrintWriter out = spec.commandLine().getOut();
    Map<String, Object> r = Benchmarks.infer(new ModelSpec(preset, java.util.Map.of("stem", stem)), batch, batches);
    BenchOutput.print(out, r, json);
    return 0;
  }
}
