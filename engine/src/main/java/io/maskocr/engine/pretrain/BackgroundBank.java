package io.maskocr.engine.pretrain;

import io.maskocr.engine.data.Sample;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.Patches;
import java.util.List;
import java.util.SplittableRandom;

/**
 * DPTR's offline randomized perturbation (ORP): encoder features of real background crops,
 * computed once, of which a random one (times a small scale, 0.1 by default) is added to
 * each pseudo-visual sequence. The paper adds CLIP image embeddings of natural images so the
 * decoder meets real-image statistics while reading text embeddings; here the crops are
 * narrow random windows of the workspace's real word images stretched to the model input
 * (mostly paper, texture and stroke fragments, rarely a readable character), encoded by the
 * same frozen encoder the glyph tokens come from.
 */
public final class BackgroundBank {
  private final float[][] features; // [k] (N, D)

  private BackgroundBank(float[][] features) {
    this.features = features;
  }

  /**
   * @param images real images ({@link Sample#pixels()} at the model input size)
   * @param count crops to encode
   */
  public static BackgroundBank compute(MaskOcrModel model, List<Sample> images, int count, long seed) {
    if (images.isEmpty()) {
      throw new IllegalArgumentException("ORP needs real images for background crops");
    }
    ModelConfig c = model.config();
    Patches patches = new Patches(c);
    SplittableRandom r = new SplittableRandom(seed);
    int w = c.imageWidth();
    int h = c.imageHeight();
    float[] all = new float[count * patches.count() * patches.size()];
    for (int k = 0; k < count; k++) {
      float[] src = images.get(r.nextInt(images.size())).pixels();
      int minW = Math.max(2, c.patchWidth() * 2);
      int cw = minW + r.nextInt(Math.max(1, w / 2 - minW));
      int x0 = r.nextInt(Math.max(1, w - cw));
      float[] crop = new float[src.length];
      for (int ch = 0; ch < c.channels(); ch++) {
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            int sx = Math.min(w - 1, x0 + (int) ((x + 0.5f) * cw / w));
            crop[(ch * h + y) * w + x] = src[(ch * h + y) * w + sx];
          }
        }
      }
      patches.patchify(crop, all, k * patches.count() * patches.size());
    }
    float[] f = FrozenFeatures.of(model, all, count);
    int len = c.patchCount() * c.width();
    float[][] out = new float[count][];
    for (int k = 0; k < count; k++) {
      out[k] = java.util.Arrays.copyOfRange(f, k * len, (k + 1) * len);
    }
    return new BackgroundBank(out);
  }

  /** Crops in the bank. */
  public int size() {
    return features.length;
  }

  /** Adds {@code scale} times crop {@code k}'s features to {@code sequence} in place. */
  public void perturb(float[] sequence, int k, float scale) {
    float[] f = features[k];
    for (int i = 0; i < sequence.length; i++) {
      sequence[i] += scale * f[i];
    }
  }
}
