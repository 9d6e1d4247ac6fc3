package io.maskocr.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * ViT encoder: patch embedding (or {@link ConvStem}) + learned positions + pre-norm blocks + final norm.
 *
 * <p>Inputs: {@code patches (B, Nv, P)} and optionally {@code select (B, Nv, N)}, a one-hot map
 * saying which of the N grid positions each given patch sits at (MIM feeds only the visible
 * patches). Without {@code select}, Nv must equal N. Outputs: {@code features (B, Nv, D)} and
 * the last block's attention {@code (B, H, Nv, Nv)}.
 */
public final class VitEncoder extends AbstractBlock {
  private final ModelConfig config;
  private final AbstractBlock embedding;
  private final Parameter positions;
  private final List<EncoderBlock> blocks = new ArrayList<>();
  private final LayerNorm norm;

  /** Builds the encoder described by {@code config}. */
  public VitEncoder(ModelConfig config) {
    this.config = config;
    embedding = config.convStem()
        ? addChildBlock("stem", new ConvStem(config))
        : addChildBlock("embed", PatchEmbedding.of(config.patchSize(), config.width()));
    positions = addParameter(Layers.table("positions", config.patchCount(), config.width()));
    for (int i = 0; i < config.depth(); i++) {
      blocks.add(addChildBlock("block" + i, new EncoderBlock(config.width(), config.heads(), config.mlpRatio())));
    }
    norm = addChildBlock("norm", Layers.norm());
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray patches = inputs.get(0);
    NDArray pos = ps.getValue(positions, patches.getDevice(), training);
    NDArray x;
    if (inputs.size() > 1 && config.convStem()) {
      // Visible patches onto a zero canvas, so the stem never sees hidden pixels.
      NDArray select = inputs.get(1);
      NDArray canvas = select.transpose(0, 2, 1).matMul(patches);
      x = select.matMul(embedding.forward(ps, new NDList(canvas), training).head());
    } else {
      x = embedding.forward(ps, new NDList(patches), training).head();
    }
    if (inputs.size() > 1) {
      x = x.add(inputs.get(1).matMul(pos));
    } else {
      Layers.require(
          patches.getShape().get(1) == config.patchCount(),
          "encoder without a position map expects all " + config.patchCount() + " patches, got "
              + patches.getShape());
      x = x.add(pos);
    }
    NDArray attention = null;
    for (EncoderBlock block : blocks) {
      NDList out = block.forward(ps, new NDList(x), training);
      x = out.get(0);
      attention = out.get(1);
    }
    return new NDList(norm.forward(ps, new NDList(x), training).head(), attention);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] in) {
    Shape p = in[0];
    return new Shape[] {
      new Shape(p.get(0), p.get(1), config.width()),
      new Shape(p.get(0), config.heads(), p.get(1), p.get(1))
    };
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType type, Shape... in) {
    embedding.initialize(
        manager, type, config.convStem() ? new Shape(in[0].get(0), config.patchCount(), config.patchSize()) : in[0]);
    Shape tokens = new Shape(in[0].get(0), in[0].get(1), config.width());
    for (EncoderBlock b : blocks) {
      b.initialize(manager, type, tokens);
    }
    norm.initialize(manager, type, tokens);
  }
}
