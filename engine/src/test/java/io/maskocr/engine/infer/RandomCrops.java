package io.maskocr.engine.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Preprocessed crops of uniform noise in [-1, 1], the same for a seed: inputs whose reading is irrelevant. */
public final class RandomCrops {
  private RandomCrops() {}

  public static List<float[]> of(int pixels, int n, long seed) {
    Random random = new Random(seed);
    List<float[]> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      float[] px = new float[pixels];
      for (int k = 0; k < pixels; k++) {
        px[k] = random.nextFloat() * 2 - 1;
      }
      out.add(px);
    }
    return out;
  }
}
