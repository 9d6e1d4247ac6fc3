package io.maskocr.engine.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.HostArrays;

/**
 * Decoder targets in plain arrays for the stages that train the character decoder (milm,
 * dptr): label-smoothed one-hot rows up to and including the end token, a per-position loss
 * weight, and the weighted cross-entropy / greedy word accuracy over them.
 */
final class TextTargets {
  private final CharacterSet charset;
  private final int positions;
  private final int vocabulary;
  private final float smoothing;
  final String[] labels;
  final float[] target; // (B, T, V)
  final float[] weight; // (B, T)

  /**
   * @param batch images (rows) B
   * @param positions decoder queries T
   * @param smoothing label smoothing eps
   */
  TextTargets(CharacterSet charset, int batch, int positions, float smoothing) {
    this.charset = charset;
    this.positions = positions;
    this.vocabulary = charset.vocabularySize();
    this.smoothing = smoothing;
    labels = new String[batch];
    target = new float[batch * positions * vocabulary];
    weight = new float[batch * positions];
  }

  /**
   * Sets row {@code i} to {@code label}; every character and the end token weigh 1 except the
   * positions in {@code emphasized}, which weigh {@code emphasis}.
   */
  void set(int i, String label, boolean[] emphasized, float emphasis) {
    labels[i] = charset.normalize(label);
    int[] ids = charset.encode(label);
    for (int pos = 0; pos < ids.length; pos++) {
      int base = (i * positions + pos) * vocabulary;
      for (int k = 0; k < vocabulary; k++) {
        target[base + k] = smoothing / vocabulary;
      }
      target[base + ids[pos]] += 1f - smoothing;
      boolean e = emphasized != null && pos < emphasized.length && emphasized[pos];
      weight[i * positions + pos] = e ? emphasis : 1f;
    }
  }

  /** Weighted mean cross-entropy of {@code logits (B, T, V)} against these targets. */
  NDArray loss(NDManager scope, NDArray logits) {
    int b = labels.length;
    NDArray t = HostArrays.tensor(scope, target, new Shape(b, positions, vocabulary));
    NDArray w = HostArrays.tensor(scope, weight, new Shape(b, positions));
    float sum = 0;
    for (float x : weight) {
      sum += x;
    }
    NDArray nll = logits.logSoftmax(2).mul(t).sum(new int[] {2}).neg();
    return nll.mul(w).sum().mul(HostArrays.scalar(scope, 1f / sum));
  }

  /** Greedy reading of row {@code i} of {@code best} (argmax ids, (B, T) flattened). */
  String read(long[] best, int i) {
    int[] ids = new int[positions];
    for (int pos = 0; pos < positions; pos++) {
      ids[pos] = (int) best[i * positions + pos];
    }
    return charset.decode(ids);
  }

  /** Share of rows read exactly right. */
  double wordAccuracy(long[] best) {
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      if (read(best, i).equals(labels[i])) {
        correct++;
      }
    }
    return (double) correct / labels.length;
  }
}
