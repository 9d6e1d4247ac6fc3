package io.maskocr.app.cli;

import io.maskocr.engine.bench.Benchmarks;
import io.maskocr.engine.train.ModelSpec;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code maskocr bench train}: real training throughput and model FLOP utilization. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Measure training throughput of the recognition path (data prep, forward, backward, AdamW)",
      "and compare the model's FLOP rate with a 2048x2048 matmul measured in the same run."
    })
public final class BenchTrainCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin ThreadsOption threadsOption;
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--preset", defaultValue = "tiny", description = "Model preset (default: ${DEFAULT-VALUE}).")
  String preset;

  @Option(names = "--stem", defaultValue = "linear", description = "Token stem: linear (the preset's), conv (the recipes') or conv-strided (about a fifth faster than conv) (default: ${DEFAULT-VALUE}).")
  String stem;

  @Option(names = "--batch", defaultValue = "64", description = "Images per step (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--steps", defaultValue = "30", description = "Measured steps after warm-up (default: ${DEFAULT-VALUE}).")
  int steps;

  @Option(names = "--warmup", defaultValue = "5", description = "Warm-up steps (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(names = "--json", description = "Print the result as one JSON object on the last line.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    // The matmul reference uses every core, so by default training does too: an mfu of
    // 1-thread training against a 2-core matmul would understate the model's efficiency.
    threadsOption.applyOrDefault(Runtime.getRuntime().availableProcessors());
    java.io.PrintWriter out = spec.commandLine().getOut();
    Map<String, Object> r = Benchmarks.train(new ModelSpec(preset, java.util.Map.of("stem", stem)), batch, warmup, steps);
    BenchOutput.print(out, r, json);
    return 0;
  }
}
