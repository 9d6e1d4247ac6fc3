package io.maskocr.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Pre-norm transformer block (ViT): {@code x + attn(norm(x))}, then {@code x + mlp(norm(x))}.
 *
 * <p>Input {@code (B, N, D)}; outputs {@code (B, N, D)} and the attention weights {@code (B, H,
 * N, N)}.
 */
public final class EncoderBlock extends AbstractBlock {
  private final LayerNorm norm1;
  private final MultiHeadAttention attention;
  private final LayerNorm norm2;
  private final Mlp mlp;

  /**
   * @param dim width D
   * @param heads attention heads (D divisible by heads)
   * @param mlpRatio MLP hidden width as a multiple of D
   */
  public EncoderBlock(int dim, int heads, int mlpRatio) {
    norm1 = addChildBlock("norm1", Layers.norm());
    attention = addChildBlock("attn", MultiHeadAttention.builder().setDim(dim).setHeads(heads).build());
    norm2 = addChildBlock("norm2", Layers.norm());
    mlp = addChildBlock("mlp", new Mlp(dim, dim * mlpRatio));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.head();
    NDList a = attention.forward(ps, norm1.forward(ps, new NDList(x), training), training);
    x = x.add(a.get(0));
    NDArray m = mlp.forward(ps, norm2.forward(ps, new NDList(x), training), training).head();
    return new NDList(x.add(m), a.get(1));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] in) {
    return attention.getOutputShapes(new Shape[] {in[0]});
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType type, Shape... in) {
    norm1.initialize(manager, type, in[0]);
    attention.initialize(manager, type, in[0]);
    norm2.initialize(manager, type, in[0]);
    mlp.initialize(manager, type, in[0]);
  }
}
