package io.maskocr.app.cli;

import io.maskocr.engine.bench.Benchmarks;
import io.maskocr.engine.infer.RecognizerLanes;
import io.maskocr.engine.infer.onnx.InferenceEngine;
import io.maskocr.engine.train.ModelSpec;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import io.maskocr.engine.train.StarterModel;

/** {@code maskocr bench infer}: recognition throughput in crops per second. */
@Command(
    name = "infer",
    mixinStandardHelpOptions = true,
    description = {
      "Measure recognition throughput (preprocessed crops to text: forward pass and decoding) in crops per second: by default the",
      "bundled starter model (the architecture that ships) reading the bundled rendered words (samples/datasets/",
      "synth-words, decoded before timing); with --preset/--stem an untrained model on random crops.",
      "reading_crops_per_s is what a user waits for: decoded pictures to text as predict, eval and Annotate read them,",
      "doubtful ones read again deskewed (doubtful_share of them); it depends on the crops (--images)."})
public final class BenchInferCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin ThreadsOption threadsOption;
  @picocli.CommandLine.Mixin SecondLookOption secondLook;
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--preset", description = "Measure an untrained model of this preset instead of the starter "
      + "(its heads never agree, the worst case for the joint reading).")
  String preset;

  @Option(names = "--stem", description = "With --preset: token stem linear, conv or conv-strided (default: conv-strided, the starter's).")
  String stem;

  @Option(names = "--batch", defaultValue = "64", description = "Crops per forward pass (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--batches", defaultValue = "20", description = "Measured batches (default: ${DEFAULT-VALUE}).")
  int batches;

  @Option(names = "--model", paramLabel = "NAME",
      description = "Measure an external model of the workspace (maskocr model list) from decoded crops to text.")
  String model;

  @Option(names = "--images", paramLabel = "DIR",
      description = "Read the crops of this folder (its labels.tsv, or every image) instead of the bundled words.")
  java.nio.file.Path imagesDir;

  @picocli.CommandLine.Mixin WorkspaceOption ws;

  @Option(names = "--lanes", description = "Batches read at once, each by its own copy of the model (default: cores / --threads,"
      + " as maskocr predict and Annotate read; without either, one engine thread per lane and a lane per core).")
  Integer lanes;

  @Option(names = "--engine", paramLabel = "E", description = "Forward pass of our checkpoints: onnx (ONNX Runtime, the "
      + "default, as predict and Annotate read), onnx-int8 (int8 linear layers) or djl (PyTorch, as training runs it); "
      + "default: -Dmaskocr.inference / MASKOCR_INFERENCE, else onnx.")
  String engine;

  @Option(names = "--json", description = "Print the result as one JSON object on the last line.")
  boolean json;

  @Override
  public Integer call() throws java.io.IOException {
    // Batched inference has no data preparation running beside it (the crops are made before
    // timing), so by default it gets every core: our checkpoints as lanes of one engine thread
    // (what predict and Annotate do), other models as engine threads.
    int cores = Runtime.getRuntime().availableProcessors();
    boolean starter = model == null && preset == null && stem == null;
    threadsOption.applyOrDefault(!starter ? cores : lanes != null ? Math.max(1, cores / lanes) : 1);
    secondLook.apply();
    java.io.PrintWriter out = spec.commandLine().getOut();
    Map<String, Object> r;
    if (model != null) {
      if (lanes != null) {
        throw new IllegalArgumentException("--lanes is for our checkpoints; an external model's session takes --threads");
      }
      r = external();
    } else if (preset == null && stem == null) {
      // what ships: the bundled starter model reading the bundled rendered words
      r = Benchmarks.inferCheckpoint(StarterModel.require(),
          imagesDir != null ? CropFolder.images(imagesDir) : BundledWords.images(), batch, batches,
          lanes != null ? lanes : RecognizerLanes.lanesFor(cores, io.maskocr.engine.model.EngineThreads.count()),
          engine());
    } else {
      r = Benchmarks.infer(new ModelSpec(preset != null ? preset : "tiny",
          java.util.Map.of("stem", stem != null ? stem : "conv-strided")), batch, batches);
    }
    BenchOutput.print(out, r, json);
    return 0;
  }

  private InferenceEngine engine() {
    if (engine == null) {
      return InferenceEngine.configured();
    }
    return InferenceEngine.parse(engine, "--engine");
  }

  private Map<String, Object> external() throws java.io.IOException {
    java.util.List<java.awt.image.BufferedImage> crops = imagesDir != null ? CropFolder.images(imagesDir) : BundledWords.images();
    int threads = io.maskocr.engine.model.EngineThreads.count();
    try (io.maskocr.engine.store.Workspace w = io.maskocr.engine.store.Workspace.open(ws.resolve());
        io.maskocr.engine.external.ExternalRecognizer r = io.maskocr.engine.external.ExternalModels.open(w, model, threads)) {
      return io.maskocr.engine.external.ExternalBenchmark.run(r, crops, batch, batches, threads);
    }
  }
}
