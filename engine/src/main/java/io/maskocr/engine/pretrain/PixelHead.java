package io.maskocr.engine.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import ai.djl.util.PairList;
import io.maskocr.engine.model.MultiHeadAttention;

/**
 * ODM's light pixel head: each patch feature attends once to the text prompt (symbol +
 * position embeddings), then a linear layer predicts the patch's clean-target ink logits.
 * Kept deliberately small so the work of destylizing falls on the encoder.
 *
 * <p>Inputs: {@code features (B, N, D)} and {@code prompt (B, L, V)} one-hot token ids (column 0,
 * the end token's id, = nothing asked at this position). Output: {@code logits (B, N, pixelsPerPatch)}.
 */
public final class PixelHead extends AbstractBlock {
  private final int dim;
  private final int promptLength;
  private final int symbols;
  private final int pixelsPerPatch;
  private final Parameter symbolTable;
  private final Parameter positionTable;
  private final LayerNorm normFeatures;
  private final MultiHeadAttention attention;
  private final LayerNorm normOut;
  private final Linear out;

  /**
   * @param dim feature width D
   * @param heads attention heads (D divisible by it)
   * @param promptLength prompt positions L
   * @param symbols one-hot width V (charset size + 1)
   * @param pixelsPerPatch predicted pixels per patch (ph * pw)
   */
  public PixelHead(int dim, int heads, int promptLength, int symbols, int pixelsPerPatch) {
    this.dim = dim;
    this.promptLength = promptLength;
    this.symbols = symbols;
    this.pixelsPerPatch = pixelsPerPatch;
    symbolTable = addParameter(table("symbols", symbols, dim));
    positionTable = addParameter(table("positions", promptLength, dim));
    normFeatures = addChildBlock("normFeatures", LayerNorm.builder().axis(2).build());
    attention = addChildBlock("attention", MultiHeadAttention.builder().setDim(dim).setHeads(heads).build());
    normOut = addChildBlock("normOut", LayerNorm.builder().axis(2).build());
    out = addChildBlock("out", Linear.builder().setUnits(pixelsPerPatch).build());
  }

  static Parameter table(String name, long... shape) {
    return Parameter.builder().setName(name).setType(Parameter.Type.OTHER).optShape(new Shape(shape))
        .optInitializer(new TruncatedNormalInitializer(0.02f)).build();
  }

  @Override
  protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray features = inputs.get(0);
    NDArray prompt = inputs.get(1);
    NDArray tokens = prompt.matMul(ps.getValue(symbolTable, features.getDevice(), training))
        .add(ps.getValue(positionTable, features.getDevice(), training));
    NDArray q = normFeatures.forward(ps, new NDList(features), training).head();
    NDArray h = features.add(attention.forward(ps, new NDList(q, tokens), training).head());
    return out.forward(ps, normOut.forward(ps, new NDList(h), training), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] in) {
    return new Shape[] {new Shape(in[0].get(0), in[0].get(1), pixelsPerPatch)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType type, Shape... in) {
    Shape f = in[0];
    Shape p = new Shape(f.get(0), promptLength, dim);
    if (f.dimension() != 3 || f.get(2) != dim || in[1].get(2) != symbols) {
      throw new IllegalArgumentException("pixel head expects features (B, N, " + dim + ") and prompt (B, "
          + promptLength + ", " + symbols + "), got " + f + " and " + in[1]);
    }
    normFeatures.initialize(manager, type, f);
    attention.initialize(manager, type, f, p);
    normOut.initialize(manager, type, f);
    out.initialize(manager, type, f);
  }
}
