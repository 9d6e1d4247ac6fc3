package io.maskocr.engine.bench;

import io.maskocr.engine.train.AdamW;
import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.ModelSpec;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.RunRecorder;
import io.maskocr.engine.train.StageConfig;
import io.maskocr.engine.train.StageRegistry;
import io.maskocr.engine.train.TrainingEvent;
import io.maskocr.engine.train.TrainingOptions;
import io.maskocr.engine.train.TrainingService;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.maskocr.engine.data.InMemorySource;
import io.maskocr.engine.data.Sample;
import io.maskocr.engine.infer.Recognizer;
import io.maskocr.engine.infer.RecognizerLanes;
import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.FlopCounter;
import io.maskocr.engine.model.GradMode;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.model.ModelConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Throughput measurements that run the real code paths: training through {@link
 * TrainingService} (data preparation, forward, backward, AdamW) and inference through {@link
 * Recognizer}. Data are random pixels and labels: the arithmetic is the same as for real
 * images.
 */
public final class Benchmarks {
  private Benchmarks() {}

  /** Peak float matmul rate: best of {@code reps} timed 2048x2048 products, in GFLOP/s. */
  public static double matmulGflops(int reps) {
    GradMode.disableOnThisThread();
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.randomUniform(-1, 1, new Shape(2048, 2048));
      NDArray b = m.randomUniform(-1, 1, new Shape(2048, 2048));
      a.matMul(b).close(); // warm-up
      double best = Double.MAX_VALUE;
      for (int i = 0; i < reps; i++) {
        long t0 = System.nanoTime();
        NDArray c = a.matMul(b);
        c.getFloat(0, 0); // forces completion
        best = Math.min(best, (System.nanoTime() - t0) / 1e9);
        c.close();
      }
      return 2.0 * 2048 * 2048 * 2048 / best / 1e9;
    }
  }

  /** Random images with random labels of length 3..10. */
  static List<Sample> randomSamples(ModelConfig c, CharacterSet cs, int count, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<Sample> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      float[] px = new float[c.pixelCount()];
      for (int k = 0; k < px.length; k++) {
        px[k] = (float) (r.nextDouble() * 2 - 1);
      }
      StringBuilder sb = new StringBuilder();
      int len = 3 + r.nextInt(8);
      for (int k = 0; k < len; k++) {
        sb.append(cs.symbol(1 + r.nextInt(cs.size())));
      }
      out.add(new Sample("random-" + i, px, sb.toString(), null));
    }
    return out;
  }

  /**
   * Trains the recognition path for {@code warmup + measured} steps and reports the rate over
   * the measured steps.
   *
   * @return images_per_s, matmul_gflops, model_gflops, mfu, params, batch, steps
   */
  public static Map<String, Object> train(ModelSpec model, int batch, int warmup, int measured) throws Exception {
    ModelConfig c = model.resolve();
    CharacterSet cs = CharacterSet.fromSpec(c.charset());
    List<Sample> data = randomSamples(c, cs, 256, 1);
    int log = Math.max(1, Math.min(warmup, 5));
    StageConfig stage = new StageConfig("finetune", warmup + measured, batch, 1e-4, null, 1, null, null, null, null,
        List.of(DataSpec.split("random", "train")));
    Recipe recipe = new Recipe("bench", "", 1L, model, 1e9, log, Integer.MAX_VALUE, List.of(stage));
    Path dir = Files.createTempDirectory("maskocr-bench");
    List<TrainingEvent.Metrics> metrics = new CopyOnWriteArrayList<>();
    try {
      TrainingService s = new TrainingService(recipe, "bench", dir,
          (spec, cfg, seed) -> new InMemorySource("random", data), RunRecorder.none(),
          StageRegistry.core(), new TrainingOptions(warmup + measured, 0));
      s.addListener(e -> {
        if (e instanceof TrainingEvent.Metrics m) {
          metrics.add(m);
        }
      });
      s.start();
      TrainingEvent end = s.awaitEnd(1, TimeUnit.HOURS);
      if (end instanceof TrainingEvent.Failed f) {
        throw new IllegalStateException("benchmark training failed: " + f.reason());
      }
    } finally {
      try (Stream<Path> w = Files.walk(dir)) {
        for (Path p : w.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
    double images = 0;
    double seconds = 0;
    for (TrainingEvent.Metrics m : metrics) {
      if (m.step() > warmup) {
        double n = (double) log * batch;
        images += n;
        seconds += n / m.imagesPerSecond();
      }
    }
    double ips = images / seconds;
    double matmul = matmulGflops(5);
    double modelGflops = ips * FlopCounter.recognitionTraining(c, cs.vocabularySize()) / 1e9;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("preset", c.preset());
    out.put("stem", c.stem());
    out.put("batch", batch);
    out.put("steps", measured);
    out.put("images_per_s", round(ips));
    out.put("matmul_gflops", round(matmul));
    out.put("model_gflops", round(modelGflops));
    out.put("mfu", Math.round(modelGflops / matmul * 1000) / 1000.0);
    out.put("threads", io.maskocr.engine.model.EngineInfo.current().threads());
    return out;
  }

  /**
   * Recognizes {@code batches} batches of random crops after one warm-up batch, reading as a
   * trained checkpoint does (the decoder rescored with the CTC head).
   */
  public static Map<String, Object> infer(ModelSpec model, int batch, int batches) {
    ModelConfig c = model.resolve();
    CharacterSet cs = CharacterSet.fromSpec(c.charset());
    List<float[]> crops = randomSamples(c, cs, batch, 2).stream().map(Sample::pixels).toList();
    try (MaskOcrModel m = MaskOcrModel.create(c, cs); Recognizer r = Recognizer.wrapJoint(m, "bench", Recognizer.JOINT_CTC_WEIGHT)) {
      r.predict(crops);
      long t0 = System.nanoTime();
      for (int i = 0; i < batches; i++) {
        r.predict(crops);
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      Map<String, Object> out = inferResult(r, c, batch, batches, secs);
      out.put("forward_gflops_per_s", round(batch * batches * FlopCounter.recognitionForward(c, cs.vocabularySize()) / secs / 1e9));
      return out;
    }
  }

  /**
   * Recognizes {@code crops} (already preprocessed, cycled to fill each batch) with the model of a
   * checkpoint, reading exactly as {@code maskocr predict} does, for {@code batches} batches after
   * one warm-up round; with {@code lanes} > 1, that many batches at once ({@link RecognizerLanes}), each
   * lane's forward pass on {@code engine}.
   */
  public static Map<String, Object> inferCheckpoint(Path checkpoint, List<java.awt.image.BufferedImage> images,
      int batch, int batches, int lanes, io.maskocr.engine.infer.onnx.InferenceEngine engine) throws java.io.IOException {
    try (RecognizerLanes r = RecognizerLanes.load(checkpoint, lanes, engine)) {
      List<float[]> pixels = images.stream().map(i -> r.first().preprocessor().toPixels(i)).toList();
      int perRound = batch * lanes;
      int rounds = Math.max(1, batches / lanes);
      List<float[]> crops = new java.util.ArrayList<>();
      for (int i = 0; i < perRound; i++) {
        crops.add(pixels.get(i % pixels.size()));
      }
      r.predict(crops);
      long t0 = System.nanoTime();
      for (int i = 0; i < rounds; i++) {
        // a different slice of the images each round, as a queue of crops would arrive
        int shift = (i * perRound) % pixels.size();
        for (int k = 0; k < perRound; k++) {
          crops.set(k, pixels.get((shift + k) % pixels.size()));
        }
        r.predict(crops);
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("model", r.first().checkpointId());
      out.putAll(inferResult(r.first(), r.first().config(), batch, rounds * lanes, secs));
      out.put("lanes", lanes);
      out.putAll(readingResult(r, images, rounds * perRound));
      return out;
    }
  }

  /**
   * What a user waits for: decoded pictures to text as predict, eval and Annotate read them
   * (preprocessing, turned readings of tall crops, the second look at doubtful ones), over
   * {@code count} pictures; with the share of crops whose first reading was doubtful.
   */
  private static Map<String, Object> readingResult(RecognizerLanes r, List<java.awt.image.BufferedImage> images,
      int count) {
    List<java.awt.image.BufferedImage> pictures = new java.util.ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      pictures.add(images.get(i % images.size()));
    }
    long doubtful = r.predict(pictures.stream().map(r.first().preprocessor()::toPixels).toList()).stream()
        .filter(io.maskocr.engine.infer.SecondLook::doubtful).count();
    long t0 = System.nanoTime();
    r.predictImages(pictures);
    double secs = (System.nanoTime() - t0) / 1e9;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("reading_crops_per_s", round(count / secs));
    out.put("doubtful_share", round(100.0 * doubtful / count) / 100.0);
    return out;
  }

  private static Map<String, Object> inferResult(Recognizer r, ModelConfig c, int batch, int batches, double secs) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("preset", c.preset());
    out.put("stem", c.stem());
    out.put("batch", batch);
    out.put("crops", batch * batches);
    out.put("decoding", r.usesSpellingPrior() ? "joint CTC/decoder + spelling prior" : "joint CTC/decoder");
    out.put("forward", r.forwardEngine());
    out.put("crops_per_s", round(batch * batches / secs));
    out.put("threads", io.maskocr.engine.model.EngineInfo.current().threads());
    return out;
  }

  private static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
