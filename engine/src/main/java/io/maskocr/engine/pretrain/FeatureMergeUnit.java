package io.maskocr.engine.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import io.maskocr.engine.model.DecoderLayer;

/**
 * DPTR's feature merge unit: N learnable queries attend to each other and over the features
 * (one pre-norm decoder layer) and their result is added to the features that feed the
 * character decoder. DPTR uses it to pull the decoder's input towards the character
 * foreground. Here it is residual and keeps the feature shape, so the decoder trained behind it
 * still reads plain encoder features once fine-tuning drops it (the recognizer has no FMU).
 *
 * <p>Input {@code features (B, N, D)}; output {@code merged (B, N, D)}.
 */
public final class FeatureMergeUnit extends AbstractBlock {
  private final int tokens;
  private final int dim;
  private final Parameter queries;
  private final DecoderLayer layer;

  /**
   * @param tokens N (queries = feature tokens)
   * @param dim D
   * @param heads attention heads
   * @param mlpRatio MLP width multiple
   */
  public FeatureMergeUnit(int tokens, int dim, int heads, int mlpRatio) {
    this.tokens = tokens;
    this.dim = dim;
    queries = addParameter(PixelHead.table("queries", 1, tokens, dim));
    layer = addChildBlock("merge", new DecoderLayer(dim, heads, mlpRatio));
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray features = inputs.head();
    long b = features.getShape().get(0);
    NDArray q = ps.getValue(queries, features.getDevice(), training).broadcast(b, tokens, dim);
    NDArray merged = layer.forward(ps, new NDList(q, features), training).get(0);
    return new NDList(features.add(merged));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] in) {
    return new Shape[] {in[0]};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType type, Shape... in) {
    if (in[0].dimension() != 3 || in[0].get(1) != tokens || in[0].get(2) != dim) {
      throw new IllegalArgumentException("feature merge unit expects (B, " + tokens + ", " + dim + "), got " + in[0]);
    }
    layer.initialize(manager, type, new Shape(in[0].get(0), tokens, dim), in[0]);
  }
}
