package io.maskocr.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.maskocr.engine.model.HostArrays;

/**
 * Connectionist temporal classification loss written with NDArray operations (DJL exposes no
 * CTC op for PyTorch): the forward recursion in log space over the T encoder tokens, so
 * autograd yields the gradient. Only engine-owned constants enter the graph (see {@link
 * HostArrays}).
 */
final class CtcLoss {
  private CtcLoss() {}

  /**
   * @param logits {@code (B, T, V)} per-token scores, token 0 = blank
   * @param targets the batch's CTC tables
   * @return scalar: per-sample negative log-likelihood divided by label length, averaged over
   *     feasible samples
   */
  static NDArray of(NDArray logits, CtcTargets targets, NDManager scope) {
    long b = logits.getShape().get(0);
    long t = logits.getShape().get(1);
    long v = logits.getShape().get(2);
    int s = targets.states();
    NDArray emission = HostArrays.tensor(scope, targets.emission(), new Shape(b, v, s));
    NDArray logProbs = logits.logSoftmax(2).matMul(emission); // (B, T, S)
    NDArray skip = HostArrays.tensor(scope, targets.skip(), new Shape(b, s));
    NDArray none = HostArrays.tensor(scope, filled(b * 2, CtcTargets.NEG), new Shape(b, 2));
    NDArray alpha = logProbs.get(":, 0, :").add(HostArrays.tensor(scope, targets.start(), new Shape(b, s)));
    for (long step = 1; step < t; step++) {
      NDArray stay = alpha;
      NDArray advance = none.get(":, :1").concat(alpha.get(":, :" + (s - 1)), 1);
      NDArray jump = s > 2
          ? none.concat(alpha.get(":, :" + (s - 2)), 1).add(skip)
          : none.get(":, :" + s).add(skip);
      alpha = logSumExp(NDArrays.stack(new NDList(stay, advance, jump), 0), 0).add(logProbs.get(":, " + step + ", :"));
    }
    NDArray end = HostArrays.tensor(scope, targets.end(), new Shape(b, s));
    NDArray logLikelihood = logSumExp(alpha.add(end), 1); // (B)
    NDArray weight = HostArrays.tensor(scope, targets.weight(), new Shape(b));
    return logLikelihood.mul(weight).sum().neg();
  }

  /** log(sum(exp(x))) over {@code axis}, shifted by the maximum for stability. */
  private static NDArray logSumExp(NDArray x, int axis) {
    NDArray max = x.max(new int[] {axis}, true);
    return x.sub(max).exp().sum(new int[] {axis}).log().add(max.squeeze(axis));
  }

  private static float[] filled(long n, float value) {
    float[] a = new float[(int) n];
    java.util.Arrays.fill(a, value);
    return a;
  }
}
