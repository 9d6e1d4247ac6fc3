package io.maskocr.engine.model;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Projects flattened patches to tokens: {@code (B, N, P) -> (B, N, D)}, P = C * ph * pw. The
 * patches are cut on the Java side by {@link Patches}, so the MIM stage can hand the encoder
 * only the visible ones.
 */
public final class PatchEmbedding extends AbstractBlock {
  private final int patchSize;
  private final int width;
  private final Linear projection;

  private PatchEmbedding(int patchSize, int width) {
    this.patchSize = patchSize;
    this.width = width;
    this.projection = addChildBlock("proj", Layers.linear(width));
  }

  /**
   * @param patchSize flattened patch length P
   * @param width token width D
   */
  public static PatchEmbedding of(int patchSize, int width) {
    Layers.require(patchSize > 0 && width > 0,
        "patch size (" + patchSize + ") and width (" + width + ") must be positive");
    return new PatchEmbedding(patchSize, width);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    return projection.forward(ps, new NDList(inputs.head()), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] in) {
    return new Shape[] {new Shape(in[0].get(0), in[0].get(1), width)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType type, Shape... in) {
    Layers.require(
        in[0].dimension() == 3 && in[0].get(2) == patchSize,
        "patch embedding expects (B, N, " + patchSize + ") patches, got " + in[0]);
    projection.initialize(manager, type, in[0]);
  }
}
