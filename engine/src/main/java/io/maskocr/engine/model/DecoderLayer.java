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
 * Pre-norm decoder layer for parallel character queries: self-attention among the queries,
 * cross-attention from the queries to the encoder features, then an MLP.
 *
 * <p>Inputs {@code queries (B, T, D)}, {@code memory (B, N, D)} and optionally {@code positions
 * (N, D)} added to the normalized memory (keys and values); outputs {@code (B, T, D)} and
 * the cross-attention weights {@code (B, H, T, N)}.
 */
public final class DecoderLayer extends AbstractBlock {
  private final LayerNorm normSelf;
  private final MultiHeadAttention selfAttention;
  private final LayerNorm normQuery;
  private final LayerNorm normMemory;
  private final MultiHeadAttention crossAttention;
  private final LayerNorm normMlp;
  private final Mlp mlp;

  /**
   * @param dim width D of queries and memory
   * @param heads attention heads
   * @param mlpRatio MLP hidden width as a multiple of D
   */
  public DecoderLayer(int dim, int heads, int mlpRatio) {
    normSelf = addChildBlock("normSelf", Layers.norm());
    selfAttention = addChildBlock("selfAttn", MultiHeadAttention.builder().setDim(dim).setHeads(heads).build());
    normQuery = addChildBlock("normQuery", Layers.norm());
    normMemory = addChildBlock("normMemory", Layers.norm());
    crossAttention = addChildBlock("crossAttn", MultiHeadAttention.builder().setDim(dim).setHeads(heads).build());
    normMlp = addChildBlock("normMlp", Layers.norm());
    mlp = addChildBlock("mlp", new Mlp(dim, dim * mlpRatio));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray q = inputs.get(0);
    NDArray memory = inputs.get(1);
    q = q.add(selfAttention.forward(ps, normSelf.forward(ps, new NDList(q), training), training).head());
    NDArray qn = normQuery.forward(ps, new NDList(q), training).head();
    NDArray mn = normMemory.forward(ps, new NDList(memory), training).head();
    if (inputs.size() > 2) {
      mn = mn.add(inputs.get(2)); // positions (N, D) of the memory tokens
    }
    NDList cross = crossAttention.forward(ps, new NDList(qn, mn), training);
    q = q.add(cross.get(0));
    q = q.add(mlp.forward(ps, normMlp.forward(ps, new NDList(q), training), training).head());
    return new NDList(q, cross.get(1));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] in) {
    return crossAttention.getOutputShapes(in);
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType type, Shape... in) {
    Layers.require(
        in.length >= 2 && in[0].get(2) == in[1].get(2),
        "decoder layer expects queries (B, T, D) and memory (B, N, D) of equal D, got "
            + java.util.Arrays.toString(in));
    normSelf.initialize(manager, type, in[0]);
    selfAttention.initialize(manager, type, in[0]);
    normQuery.initialize(manager, type, in[0]);
    normMemory.initialize(manager, type, in[1]);
    crossAttention.initialize(manager, type, in[0], in[1]);
    normMlp.initialize(manager, type, in[0]);
    mlp.initialize(manager, type, in[0]);
  }
}
