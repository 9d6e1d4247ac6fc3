package io.maskocr.engine.inspect;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.GradMode;
import io.maskocr.engine.model.GreedyDecoding;
import io.maskocr.engine.model.HostArrays;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.Patches;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one image with a checkpoint's recognizer and returns, per predicted character, its
 * probability, the top-3 tokens at that position and the decoder's cross-attention over the
 * patches (the last decoder layer, averaged over heads, as the model exposes it).
 */
public final class AttentionInspector {
  private final LoadedCheckpoint checkpoint;
  private final ModelConfig config;
  private final Patches patches;

  /** Inspections with {@code checkpoint}'s model. */
  public AttentionInspector(LoadedCheckpoint checkpoint) {
    this.checkpoint = checkpoint;
    this.config = checkpoint.config();
    this.patches = new Patches(config);
  }

  /**
   * Reads {@code pixels}.
   *
   * @param pixels {@code (C, H, W)} model input in [-1, 1]
   */
  public AttentionInspection inspect(float[] pixels) {
    if (pixels.length != config.pixelCount()) {
      throw new IllegalArgumentException(
          "image has " + pixels.length + " values; the model expects " + config.pixelCount());
    }
    int n = patches.count();
    int t = config.queryCount();
    CharacterSet cs = checkpoint.charset();
    int v = cs.vocabularySize();
    float[] probs;
    float[] att;
    synchronized (checkpoint) {
      GradMode.disableOnThisThread();
      try (NDScope scope = new NDScope(); NDManager mgr = checkpoint.model().manager().newSubManager()) {
        NDList out = checkpoint.model().recognize(checkpoint.parameterStore(),
            HostArrays.tensor(mgr, patches.patchify(pixels), new Shape(1, n, patches.size())), false);
        probs = out.get(0).softmax(2).toFloatArray();
        att = out.get(1).toFloatArray();
      }
    }
    GreedyDecoding.Decoded d = GreedyDecoding.decode(probs, 0, t, v);
    int chars = d.tokens().length;
    List<CharacterReading> readings = new ArrayList<>(chars);
    float[][] attention = new float[chars][n];
    for (int pos = 0; pos < chars; pos++) {
      readings.add(new CharacterReading(cs.symbol(d.tokens()[pos]), d.probabilities()[pos],
          top3(probs, pos * v, v, cs)));
      System.arraycopy(att, pos * n, attention[pos], 0, n);
    }
    return new AttentionInspection(cs.decode(d.tokens()), readings, d.confidence(), attention,
        config.channels(), config.imageHeight(), config.imageWidth(), config.gridHeight(),
        config.gridWidth(), pixels.clone(), checkpoint.id());
  }

  private static List<CharacterReading.Alternative> top3(float[] probs, int base, int v, CharacterSet cs) {
    int[] best = {-1, -1, -1};
    for (int k = 0; k < v; k++) {
      for (int r = 0; r < 3; r++) {
        if (best[r] < 0 || probs[base + k] > probs[base + best[r]]) {
          System.arraycopy(best, r, best, r + 1, 2 - r);
          best[r] = k;
          break;
        }
      }
    }
    List<CharacterReading.Alternative> out = new ArrayList<>(3);
    for (int k : best) {
      if (k >= 0) {
        out.add(new CharacterReading.Alternative(
            k == CharacterSet.EOS ? CharacterReading.END : cs.symbol(k), probs[base + k]));
      }
    }
    return out;
  }
}
