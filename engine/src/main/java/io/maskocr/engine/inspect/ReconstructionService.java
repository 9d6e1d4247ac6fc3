package io.maskocr.engine.inspect;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import io.maskocr.engine.model.GradMode;
import io.maskocr.engine.model.HostArrays;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.Patches;
import io.maskocr.engine.train.MaskGenerator;
import io.maskocr.engine.train.MaskStrategy;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs a checkpoint's MIM encoder and decoder on one image with a chosen mask, exactly as the
 * MIM stage does in training (visible patches only into the encoder, per-patch normalized
 * targets), and returns plain arrays for the reconstruction viewer.
 */
public final class ReconstructionService {
  /** The ratios of {@link #sweep}: 0.1, 0.2, ... 0.9. */
  public static final List<Double> SWEEP_RATIOS = List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9);

  private final LoadedCheckpoint checkpoint;
  private final ModelConfig config;
  private final Patches patches;

  /** Reconstructions with {@code checkpoint}'s model. */
  public ReconstructionService(LoadedCheckpoint checkpoint) {
    this.checkpoint = checkpoint;
    this.config = checkpoint.config();
    this.patches = new Patches(config);
  }

  /**
   * Masks and reconstructs one image.
   *
   * @param pixels {@code (C, H, W)} model input in [-1, 1]
   * @param charSpans per character {@code x0, x1} in input pixels for the character strategy,
   *     or null (the strategy then falls back to random patches)
   * @param ratio share of patches to hide, 0..0.95
   * @param strategy how patches are chosen
   * @param seed mask seed: same seed, same mask
   */
  public Reconstruction reconstruct(float[] pixels, float[] charSpans, double ratio, MaskStrategy strategy, long seed) {
    if (pixels.length != config.pixelCount()) {
      throw new IllegalArgumentException(
          "image has " + pixels.length + " values; the model expects " + config.pixelCount());
    }
    MaskGenerator gen = new MaskGenerator(strategy, ratio, config);
    boolean[] mask = gen.next(new SplittableRandom(seed), charSpans);
    int n = patches.count();
    int p = patches.size();
    int nv = n - gen.maskedCount();
    float[] raw = patches.patchify(pixels);
    float[] target = raw.clone();
    float[][] stats = patches.normalizeEachPatch(target);
    float[] visible = new float[nv * p];
    float[] select = new float[nv * n];
    float[] maskedIn = new float[n];
    int j = 0;
    for (int idx = 0; idx < n; idx++) {
      if (mask[idx]) {
        maskedIn[idx] = 1f;
      } else {
        System.arraycopy(raw, idx * p, visible, j * p, p);
        select[j * n + idx] = 1f;
        j++;
      }
    }
    float[] pred;
    synchronized (checkpoint) {
      GradMode.disableOnThisThread();
      try (NDScope scope = new NDScope(); NDManager mgr = checkpoint.model().manager().newSubManager()) {
        pred = checkpoint.model().reconstruct(checkpoint.parameterStore(),
            HostArrays.tensor(mgr, visible, new Shape(1, nv, p)),
            HostArrays.tensor(mgr, select, new Shape(1, nv, n)), HostArrays.tensor(mgr, maskedIn, new Shape(1, n, 1)), false).toFloatArray();
      }
    }
    double lossSum = 0;
    int lossCount = 0;
    for (int idx = 0; idx < n; idx++) {
      if (mask[idx] || nv == n) {
        double s = 0;
        for (int k = 0; k < p; k++) {
          double d = pred[idx * p + k] - target[idx * p + k];
          s += d * d;
        }
        lossSum += s / p;
        lossCount++;
      }
      for (int k = 0; k < p; k++) {
        pred[idx * p + k] = pred[idx * p + k] * stats[1][idx] + stats[0][idx];
      }
    }
    float[] recon = patches.unpatchify(pred);
    float[] err = Reconstruction.patchErrors(recon, pixels, config.channels(), config.imageHeight(),
        config.imageWidth(), config.patchHeight(), config.patchWidth());
    return new Reconstruction(config.channels(), config.imageHeight(), config.imageWidth(),
        config.patchHeight(), config.patchWidth(), pixels.clone(), mask, recon, err,
        lossSum / Math.max(1, lossCount), ratio, strategy.name().toLowerCase(java.util.Locale.ROOT), seed);
  }

  /** One reconstruction per ratio of {@link #SWEEP_RATIOS}, same image, strategy and seed. */
  public List<Reconstruction> sweep(float[] pixels, float[] charSpans, MaskStrategy strategy, long seed) {
    List<Reconstruction> out = new ArrayList<>();
    for (double r : SWEEP_RATIOS) {
      out.add(reconstruct(pixels, charSpans, r, strategy, seed));
    }
    return out;
  }
}
