package io.maskocr.engine.infer;

import io.maskocr.engine.infer.onnx.InferenceEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Several copies of one checkpoint's recognizer reading batches side by side, one batch per
 * lane. Why: the shipped model's ops are too small to split well over cores (on 2 cores, one
 * batch at 2 engine threads read about 390 crops/s against 250 at one thread), while two
 * batches at once, each on one engine thread, keep both cores busy without splitting anything.
 * Use with the engine at one thread ({@code --threads 1}) and as many lanes as cores.
 *
 * <p>Each lane owns its model (the starter: 5 M parameters, 20 MB: copies are cheap); results come back in
 * the order of the input, so callers see what a single {@link Recognizer} would return.
 */
public final class RecognizerLanes implements TextReader {
  private final List<Recognizer> all;
  private final BlockingQueue<Recognizer> idle;
  private final ExecutorService pool;

  private RecognizerLanes(List<Recognizer> all) {
    this.all = List.copyOf(all);
    this.idle = new ArrayBlockingQueue<>(all.size(), false, all);
    AtomicInteger n = new AtomicInteger();
    this.pool = Executors.newFixedThreadPool(all.size(), r -> {
      Thread t = new Thread(r, "maskocr-infer-lane-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * The reader for a checkpoint on this machine: lanes when the engine runs fewer threads than
   * there are cores (one lane per engine-thread share of the cores), else one recognizer.
   */
  public static TextReader forEngine(Path runOrCheckpoint) throws IOException {
    int lanes = lanesFor(Runtime.getRuntime().availableProcessors(), io.maskocr.engine.model.EngineThreads.count());
    return lanes == 1 ? Recognizer.load(runOrCheckpoint) : load(runOrCheckpoint, lanes);
  }

  /** Cores over engine threads, at least 1: each lane's batch gets the engine's threads. */
  public static int lanesFor(int cores, int engineThreads) {
    return Math.max(1, cores / Math.max(1, engineThreads));
  }

  /** Loads {@code lanes} copies of the checkpoint (a run folder reads its newest). */
  public static RecognizerLanes load(Path runOrCheckpoint, int lanes) throws IOException {
    return load(runOrCheckpoint, lanes, InferenceEngine.configured());
  }

  /** As {@link #load(Path, int)}, with each lane's forward pass on {@code engine}. */
  public static RecognizerLanes load(Path runOrCheckpoint, int lanes, InferenceEngine engine) throws IOException {
    if (lanes < 1) {
      throw new IllegalArgumentException("lanes must be at least 1, got " + lanes);
    }
    List<Recognizer> loaded = new ArrayList<>(lanes);
    try {
      for (int i = 0; i < lanes; i++) {
        loaded.add(Recognizer.load(runOrCheckpoint, engine));
      }
    } catch (IOException | RuntimeException e) {
      loaded.forEach(Recognizer::close);
      throw e;
    }
    return new RecognizerLanes(loaded);
  }

  /** The first lane's recognizer: for its config, charset, preprocessing and checkpoint id. */
  public Recognizer first() {
    return all.get(0);
  }

  public int lanes() {
    return all.size();
  }

  @Override
  public String checkpointId() {
    return first().checkpointId();
  }

  /** A batch per lane per call. */
  @Override
  public int batchSize() {
    return Recognizer.BATCH * all.size();
  }

  @Override
  public List<Prediction> predictImages(List<java.awt.image.BufferedImage> images) {
    return first().secondLook().read(images, given -> predict(given.stream().map(first().preprocessor()::toPixels).toList()));
  }

  /** Reads preprocessed images as {@link Recognizer#predict} does, {@value Recognizer#BATCH} per lane at a time. */
  public List<Prediction> predict(List<float[]> images) {
    List<Future<List<Prediction>>> parts = new ArrayList<>();
    for (int from = 0; from < images.size(); from += Recognizer.BATCH) {
      List<float[]> batch = images.subList(from, Math.min(images.size(), from + Recognizer.BATCH));
      parts.add(pool.submit(() -> readOnIdleLane(batch)));
    }
    List<Prediction> out = new ArrayList<>(images.size());
    try {
      for (Future<List<Prediction>> f : parts) {
        out.addAll(f.get());
      }
    } catch (InterruptedException e) {
      parts.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("recognition was interrupted", e);
    } catch (ExecutionException e) {
      parts.forEach(f -> f.cancel(true));
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
    return out;
  }

  private List<Prediction> readOnIdleLane(List<float[]> batch) throws InterruptedException {
    Recognizer r = idle.take();
    try {
      return r.predict(batch);
    } finally {
      idle.put(r);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
    all.forEach(Recognizer::close);
  }
}
