package io.maskocr.engine.model;

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
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;

/**
 * Light MAE-style decoder for masked image modeling: puts the encoded visible tokens back on
 * the patch grid, fills the holes with a learned mask token, and regresses every patch's
 * pixels.
 *
 * <p>Inputs: {@code visible (B, Nv, D)} encoder features, {@code select (B, Nv, N)} one-hot
 * grid positions of the visible tokens, {@code masked (B, N, 1)} 1 where a patch was hidden.
 * Output: {@code pixels (B, N, P)} predictions (per-patch normalized pixel space).
 */
public final class MimDecoder extends AbstractBlock {
  private final ModelConfig config;
  private final Linear embed;
  private final Parameter maskToken;
  private final Parameter positions;
  private final List<EncoderBlock> blocks = new ArrayList<>();
  private final LayerNorm norm;
  private final Linear head;

  /** Builds the MIM decoder described by {@code config}. */
  public MimDecoder(ModelConfig config) {
    this.config = config;
    embed = addChildBlock("embed", Layers.linear(config.mimWidth()));
    maskToken = addParameter(Layers.table("maskToken", 1, 1, config.mimWidth()));
    positions = addParameter(Layers.table("positions", config.patchCount(), config.mimWidth()));
    for (int i = 0; i < config.mimDepth(); i++) {
      blocks.add(addChildBlock("block" + i, new EncoderBlock(config.mimWidth(), config.mimHeads(), config.mlpRatio())));
    }
    norm = addChildBlock("norm", Layers.norm());
    head = addChildBlock("head", Layers.linear(config.patchSize()));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray visible = inputs.get(0);
    NDArray select = inputs.get(1);
    NDArray masked = inputs.get(2);
    NDArray token = ps.getValue(maskToken, visible.getDevice(), training);
    NDArray pos = ps.getValue(positions, visible.getDevice(), training);
    NDArray v = embed.forward(ps, new NDList(visible), training).head();
    // (B, N, Nv) x (B, Nv, Dd): scatter visible tokens to their grid slots, zeros elsewhere.
    NDArray x = select.transpose(0, 2, 1).matMul(v).add(masked.mul(token)).add(pos);
    for (EncoderBlock block : blocks) {
      x = block.forward(ps, new NDList(x), training).get(0);
    }
    x = norm.forward(ps, new NDList(x), training).head();
    return head.forward(ps, new NDList(x), training);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] in) {
    return new Shape[] {new Shape(in[0].get(0), config.patchCount(), config.patchSize())};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType type, Shape... in) {
    Layers.require(
        in.length == 3 && in[0].get(2) == config.width() && in[1].get(2) == config.patchCount(),
        "MIM decoder expects visible (B, Nv, " + config.width() + "), select (B, Nv, "
            + config.patchCount() + "), masked (B, N, 1); got " + java.util.Arrays.toString(in));
    embed.initialize(manager, type, in[0]);
    Shape grid = new Shape(in[0].get(0), config.patchCount(), config.mimWidth());
    for (EncoderBlock b : blocks) {
      b.initialize(manager, type, grid);
    }
    norm.initialize(manager, type, grid);
    head.initialize(manager, type, grid);
  }
}
