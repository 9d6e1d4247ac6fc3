package io.maskocr.engine.pretrain;

import ai.djl.ndarray.NDList;
import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.GreedyDecoding;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.train.TrainingEvent;

/**
 * The character decoder's output for one image in plain arrays, and the attention snapshot the
 * milm and dptr stages publish from it.
 *
 * @param probabilities softmax over the vocabulary per query, {@code (T, V)}
 * @param decoded the greedy reading
 * @param attention cross-attention per query over the patches, {@code (T, N)}
 */
record DecoderReading(float[] probabilities, GreedyDecoding.Decoded decoded, float[] attention) {

  /** Reads the first image of a decoder output {@code (logits (1, T, V), attention (1, T, N))}. */
  static DecoderReading of(NDList out, ModelConfig model, CharacterSet charset) {
    float[] probs = out.get(0).softmax(2).toFloatArray();
    return new DecoderReading(probs, GreedyDecoding.decode(probs, 0, model.queryCount(), charset.vocabularySize()),
        out.get(1).toFloatArray());
  }

  /** An attention snapshot of the read characters and the end token over {@code picture}. */
  TrainingEvent.AttentionSnapshot snapshot(ModelConfig model, CharacterSet charset, String runId, long step,
      float[] picture, String truth) {
    int n = model.patchCount();
    int rows = Math.min(model.queryCount(), decoded.tokens().length + 1);
    float[][] rowsOfAttention = new float[rows][n];
    for (int row = 0; row < rows; row++) {
      System.arraycopy(attention, row * n, rowsOfAttention[row], 0, n);
    }
    return new TrainingEvent.AttentionSnapshot(runId, step, model.channels(), model.imageHeight(),
        model.imageWidth(), model.gridHeight(), model.gridWidth(), picture, truth, charset.decode(decoded.tokens()),
        rowsOfAttention);
  }
}
