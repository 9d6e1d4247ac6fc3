package io.maskocr.engine.pretrain;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.maskocr.engine.model.GradMode;
import io.maskocr.engine.model.HostArrays;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.model.ModelConfig;

/** Encoder features of patchified images in inference mode, copied out to plain arrays. */
final class FrozenFeatures {
  private static final int CHUNK = 64;

  private FrozenFeatures() {}

  /**
   * @param patches {@code (count, N, P)} patchified images
   * @return {@code (count, N, D)} features
   */
  static float[] of(MaskOcrModel model, float[] patches, int count) {
    GradMode.disableOnThisThread();
    ModelConfig c = model.config();
    int n = c.patchCount();
    int p = c.patchSize();
    int d = c.width();
    float[] out = new float[count * n * d];
    ParameterStore ps = new ParameterStore(model.manager(), false);
    for (int from = 0; from < count; from += CHUNK) {
      int k = Math.min(CHUNK, count - from);
      try (NDManager scope = model.manager().newSubManager()) {
        float[] chunk = java.util.Arrays.copyOfRange(patches, from * n * p, (from + k) * n * p);
        float[] f = model.encode(ps, HostArrays.tensor(scope, chunk, new Shape(k, n, p)), false).toFloatArray();
        System.arraycopy(f, 0, out, from * n * d, f.length);
      }
    }
    return out;
  }
}
