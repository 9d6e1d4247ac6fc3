package io.maskocr.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.maskocr.engine.model.NamedParameter;
import io.maskocr.engine.model.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW (decoupled weight decay) with global-norm gradient clipping. Written here rather than
 * using DJL's so its moments can be saved in checkpoints and restored exactly. Moments live in
 * their own manager; temporaries of {@link #step} belong to the caller's NDScope.
 */
public final class AdamW implements AutoCloseable {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPS = 1e-8;

  private final List<NamedParameter> parameters;
  private final double weightDecay;
  private final NDManager manager;
  private final Map<String, NDArray> first = new LinkedHashMap<>();
  private final Map<String, NDArray> second = new LinkedHashMap<>();
  private long steps;

  /**
   * @param parameters what to update (all must receive gradients)
   * @param weightDecay decoupled decay applied to weight matrices only
   * @param parent manager the moments are created under (outside any step scope)
   */
  public AdamW(List<NamedParameter> parameters, double weightDecay, NDManager parent) {
    this.parameters = List.copyOf(parameters);
    this.weightDecay = weightDecay;
    this.manager = parent.newSubManager();
    for (NamedParameter p : parameters) {
      NDArray w = p.parameter().getArray();
      first.put(p.name(), manager.zeros(w.getShape()));
      second.put(p.name(), manager.zeros(w.getShape()));
    }
  }

  /** Updates taken so far (drives bias correction). */
  public long steps() {
    return steps;
  }

  /**
   * One update from the gradients currently held by the parameters, then zeroes them.
   *
   * @param lr learning rate
   * @param clipNorm clip the global gradient norm to this (0 = no clipping)
   * @return the global gradient norm before clipping; NaN or infinite when a gradient was not
   *     finite, in which case nothing was updated (the gradients are zeroed all the same)
   */
  public double step(double lr, double clipNorm) {
    NDArray[] grads = new NDArray[parameters.size()];
    NDArray sumSq = null;
    for (int i = 0; i < grads.length; i++) {
      grads[i] = parameters.get(i).parameter().getArray().getGradient();
      NDArray s = grads[i].square().sum();
      sumSq = sumSq == null ? s : sumSq.add(s);
    }
    double norm = Math.sqrt(sumSq.getFloat());
    if (!Double.isFinite(norm)) {
      for (NDArray g : grads) {
        // g - g stays NaN where g is not finite: clear those entries first (in place), then zero
        g.set(g.isNaN().logicalOr(g.isInfinite()), 0f);
        g.subi(g);
      }
      return norm;
    }
    double scale = clipNorm > 0 && norm > clipNorm ? clipNorm / (norm + 1e-6) : 1.0;
    steps++;
    double bc1 = 1 - Math.pow(BETA1, steps);
    double bc2 = 1 - Math.pow(BETA2, steps);
    for (int i = 0; i < grads.length; i++) {
      NamedParameter p = parameters.get(i);
      NDArray w = p.parameter().getArray();
      NDArray g = scale == 1.0 ? grads[i] : grads[i].mul(scale);
      NDArray m = first.get(p.name());
      NDArray v = second.get(p.name());
      m.muli(BETA1).addi(g.mul(1 - BETA1));
      v.muli(BETA2).addi(g.square().muli(1 - BETA2));
      if (weightDecay > 0 && p.decays()) {
        w.muli(1 - lr * weightDecay);
      }
      NDArray denom = v.div(bc2).sqrt().addi(EPS);
      w.subi(m.div(denom).muli(lr / bc1));
      grads[i].subi(grads[i]);
    }
    return norm;
  }

  /** The moments, named {@code m/<param>} and {@code v/<param>}, copied to plain arrays. */
  public Map<String, Tensor> state() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (String k : first.keySet()) {
      NDArray m = first.get(k);
      out.put("m/" + k, new Tensor(m.getShape().getShape(), m.toFloatArray()));
      NDArray v = second.get(k);
      out.put("v/" + k, new Tensor(v.getShape().getShape(), v.toFloatArray()));
    }
    return out;
  }

  /** Restores moments and step count saved by {@link #state()}. */
  public void load(Map<String, Tensor> state, long stepCount) {
    for (String k : first.keySet()) {
      Tensor m = state.get("m/" + k);
      Tensor v = state.get("v/" + k);
      if (m == null || v == null) {
        throw new IllegalArgumentException("optimizer state has no moments for " + k);
      }
      first.get(k).set(m.data());
      second.get(k).set(v.data());
    }
    this.steps = stepCount;
  }

  @Override
  public void close() {
    manager.close();
  }
}
