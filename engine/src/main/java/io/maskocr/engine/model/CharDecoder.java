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
 * Parallel character decoder: T = maxLength + 1 learned queries attend to each other and to
 * the encoder features, then a linear classifier names each position's symbol (or the end).
 *
 * <p>Fixed sinusoidal positions are added to the (normalized) memory each layer attends to,
 * so the queries can align with character positions from the first step.
 *
 * <p>Input: {@code memory (B, N, D)}. Outputs: {@code logits (B, T, V)} and the last layer's
 * cross-attention averaged over heads, {@code attention (B, T, N)} (rows sum to 1).
 */
public final class CharDecoder extends AbstractBlock {
  private final ModelConfig config;
  private final int vocabulary;
  private final Parameter queries;
  private final List<DecoderLayer> layers = new ArrayList<>();
  private final LayerNorm norm;
  private final Linear classifier;

  /**
   * @param config model config (width, decoder depth/heads, max length)
   * @param vocabulary classifier width V (charset size + end token)
   */
  public CharDecoder(ModelConfig config, int vocabulary) {
    Layers.require(vocabulary > 1, "vocabulary must hold the end token and a symbol, got " + vocabulary);
    this.config = config;
    this.vocabulary = vocabulary;
    queries = addParameter(Layers.table("queries", 1, config.queryCount(), config.width()));
    for (int i = 0; i < config.decoderDepth(); i++) {
      layers.add(addChildBlock("layer" + i, new DecoderLayer(config.width(), config.decoderHeads(), config.mlpRatio())));
    }
    norm = addChildBlock("norm", Layers.norm());
    classifier = addChildBlock("classifier", Layers.linear(vocabulary));
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray memory = inputs.head();
    long b = memory.getShape().get(0);
    NDArray q = ps.getValue(queries, memory.getDevice(), training)
        .broadcast(b, config.queryCount(), config.width());
    long n = memory.getShape().get(1);
    NDArray positions = HostArrays.tensor(
        memory.getManager(), SinusoidalPositions.table((int) n, config.width()), new Shape(n, config.width()));
    NDArray cross = null;
    for (DecoderLayer layer : layers) {
      NDList out = layer.forward(ps, new NDList(q, memory, positions), training);
      q = out.get(0);
      cross = out.get(1);
    }
    q = norm.forward(ps, new NDList(q), training).head();
    NDArray logits = classifier.forward(ps, new NDList(q), training).head();
    return new NDList(logits, cross.mean(new int[] {1}));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] in) {
    long b = in[0].get(0);
    return new Shape[] {
      new Shape(b, config.queryCount(), vocabulary), new Shape(b, config.queryCount(), in[0].get(1))
    };
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType type, Shape... in) {
    Layers.require(
        in[0].dimension() == 3 && in[0].get(2) == config.width(),
        "character decoder expects memory (B, N, " + config.width() + "), got " + in[0]);
    Shape q = new Shape(in[0].get(0), config.queryCount(), config.width());
    for (DecoderLayer l : layers) {
      l.initialize(manager, type, q, in[0]);
    }
    norm.initialize(manager, type, q);
    classifier.initialize(manager, type, q);
  }
}
