package io.maskocr.engine.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** Two-layer perceptron with GELU: {@code (B, N, D) -> (B, N, hidden) -> (B, N, D)}. */
public final class Mlp extends AbstractBlock {
  private final int dim;
  private final Linear fc1;
  private final Linear fc2;

  /**
   * @param dim input and output width D
   * @param hidden hidden width
   */
  public Mlp(int dim, int hidden) {
    Layers.require(dim > 0 && hidden > 0, "MLP widths must be positive, got dim " + dim + " hidden " + hidden);
    this.dim = dim;
    this.fc1 = addChildBlock("fc1", Layers.linear(hidden));
    this.fc2 = addChildBlock("fc2", Layers.linear(dim));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList h = fc1.forward(ps, inputs, training);
    return fc2.forward(ps, new NDList(Activation.gelu(h.head())), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] in) {
    return new Shape[] {in[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType type, Shape... in) {
    Layers.require(in[0].get(in[0].dimension() - 1) == dim, "MLP expects last axis " + dim + ", got " + in[0]);
    fc1.initialize(manager, type, in[0]);
    fc2.initialize(manager, type, fc1.getOutputShapes(new Shape[] {in[0]})[0]);
  }
}
