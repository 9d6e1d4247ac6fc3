package io.maskocr.engine.model;

/**
 * Analytic multiply-add count of the recognition path (encoder + character decoder), counting
 * 2 FLOPs per multiply-add in matrix products; norms, softmax and GELU are ignored (they are a
 * few percent). A training step costs about 3x the forward pass (forward + two backward products).
 */
public final class FlopCounter {
  private FlopCounter() {}

  /** Forward FLOPs of recognizing one image. */
  public static double recognitionForward(ModelConfig c, int vocabulary) {
    double n = c.patchCount();
    double d = c.width();
    double t = c.queryCount();
    double hidden = (double) c.width() * c.mlpRatio();
    double flops = c.convStem() ? ConvStem.forwardFlops(c) : 2 * n * c.patchSize() * d; // stem
    for (int i = 0; i < c.depth(); i++) {
      flops += 2 * n * d * d * 4; // q, k, v, out projections
      flops += 2 * n * n * d * 2; // scores and mixing
      flops += 2 * n * d * hidden * 2; // MLP
    }
    for (int i = 0; i < c.decoderDepth(); i++) {
      flops += 2 * t * d * d * 4 + 2 * t * t * d * 2; // self-attention
      flops += 2 * t * d * d * 2 + 2 * n * d * d * 2 + 2 * t * n * d * 2; // cross-attention
      flops += 2 * t * d * hidden * 2; // MLP
    }
    flops += 2 * t * d * vocabulary; // classifier
    return flops;
  }

  /** FLOPs of one training step on one image (forward + backward ~ 3x forward). */
  public static double recognitionTraining(ModelConfig c, int vocabulary) {
    return 3 * recognitionForward(c, vocabulary);
  }
}
