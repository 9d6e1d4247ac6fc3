package io.maskocr.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head scaled dot-product attention that returns its attention weights (DJL's own
 * attention block does not). Self-attention with one input, cross-attention with two.
 *
 * <p>Inputs: {@code query (B, Nq, D)} and optionally {@code keyValue (B, Nk, D)} (defaults to
 * the query). Outputs: {@code out (B, Nq, D)} and {@code weights (B, H, Nq, Nk)} whose rows sum
 * to 1.
 */
public final class MultiHeadAttention extends AbstractBlock {
  private final int dim;
  private final int heads;
  private final float scale;
  private final Linear query;
  private final Linear keyValue;
  private final Linear output;

  private MultiHeadAttention(Builder b) {
    this.dim = b.dim;
    this.heads = b.heads;
    this.scale = (float) (1.0 / Math.sqrt((double) dim / heads));
    this.query = addChildBlock("query", Layers.linear(dim));
    this.keyValue = addChildBlock("keyValue", Layers.linear(2L * dim));
    this.output = addChildBlock("output", Layers.linear(dim));
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray q0 = inputs.get(0);
    NDArray kv0 = inputs.size() > 1 ? inputs.get(1) : q0;
    long b = q0.getShape().get(0);
    long nq = q0.getShape().get(1);
    long nk = kv0.getShape().get(1);
    long dh = dim / heads;
    NDArray q =
        query.forward(ps, new NDList(q0), training).head()
            .mul(HostArrays.scalar(q0.getManager(), scale))
            .reshape(b, nq, heads, dh)
            .transpose(0, 2, 1, 3);
    NDArray kv =
        keyValue.forward(ps, new NDList(kv0), training).head()
            .reshape(b, nk, 2, heads, dh)
            .transpose(2, 0, 3, 1, 4);
    NDList kvSplit = kv.split(2, 0);
    NDArray k = kvSplit.get(0).squeeze(0);
    NDArray v = kvSplit.get(1).squeeze(0);
    NDArray weights = q.matMul(k.transpose(0, 1, 3, 2)).softmax(-1);
    NDArray mixed = weights.matMul(v).transpose(0, 2, 1, 3).reshape(b, nq, dim);
    NDArray out = output.forward(ps, new NDList(mixed), training).head();
    return new NDList(out, weights);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] in) {
    Shape q = in[0];
    Shape kv = in.length > 1 ? in[1] : in[0];
    return new Shape[] {q, new Shape(q.get(0), heads, q.get(1), kv.get(1))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType type, Shape... in) {
    checkDim(in[0]);
    Shape kv = in.length > 1 ? in[1] : in[0];
    checkDim(kv);
    query.initialize(manager, type, in[0]);
    keyValue.initialize(manager, type, kv);
    output.initialize(manager, type, in[0]);
  }

  private void checkDim(Shape s) {
    Layers.require(
        s.dimension() == 3 && s.get(2) == dim,
        "attention expects (B, N, " + dim + ") inputs, got " + s);
  }

  /** Builder: {@code setDim} and {@code setHeads} are required. */
  public static final class Builder {
    private int dim;
    private int heads;

    public Builder setDim(int dim) {
      this.dim = dim;
      return this;
    }

    public Builder setHeads(int heads) {
      this.heads = heads;
      return this;
    }

    public MultiHeadAttention build() {
      Layers.require(dim > 0 && heads > 0, "attention dim (" + dim + ") and heads (" + heads + ") must be positive");
      Layers.require(
          dim % heads == 0,
          "attention dim (" + dim + ") is not divisible by head count (" + heads + ")");
      return new MultiHeadAttention(this);
    }
  }
}
