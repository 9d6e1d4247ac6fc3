package io.maskocr.engine.external;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench infer --model}: crops per second of an external model from decoded pictures to
 * text (resize, normalisation, inference, decoding), one warm-up call first, as
 * {@code bench infer} measures our checkpoints.
 */
public final class ExternalBenchmark {
  private ExternalBenchmark() {}

  /** Reads {@code batches} calls of {@code batch} crops taken in turn from {@code images}. */
  public static Map<String, Object> run(ExternalRecognizer r, List<BufferedImage> images, int batch, int batches,
      int threads) {
    if (images.isEmpty() || batch < 1 || batches < 1) {
      throw new IllegalArgumentException("bench infer needs images, --batch >= 1 and --batches >= 1");
    }
    List<BufferedImage> crops = new ArrayList<>(images.subList(0, Math.min(batch, images.size())));
    r.predictImages(crops);
    long t0 = System.nanoTime();
    int done = 0;
    for (int i = 0; i < batches; i++) {
      crops.clear();
      for (int k = 0; k < batch; k++) {
        crops.add(images.get((i * batch + k) % images.size()));
      }
      done += r.predictImages(crops).size();
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("model", r.model().name());
    out.put("kind", r.model().kind());
    out.put("sha256", r.model().sha256());
    out.put("engine", "OnnxRuntime (DJL)");
    out.put("batch", batch);
    out.put("crops", done);
    out.put("crops_per_s", Math.round(done / secs * 10) / 10.0);
    out.put("threads", threads);
    return out;
  }
}
