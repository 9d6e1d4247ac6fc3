package io.maskocr.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;

/**
 * A small convolutional stem that turns patches into tokens: {@code (B, N, P) -> (B, N, D)},
 * one token per patch position, like {@link PatchEmbedding} but seeing across patch borders.
 *
 * <p>Why: a linear projection of a 32x4 strip sees a sliver of a character, and a tiny ViT
 * needs far more data than a laptop run gives to learn strokes from such slivers. Three 3x3
 * convolutions (ReLU, max-pool) learn stroke detectors in a few hundred steps ("early
 * convolutions help transformers see better", Xiao et al. 2021). The patches are put back
 * into the image, convolved, and the feature map is cut at the same grid, so masking, the
 * attention maps and the MIM targets keep their patch meaning.
 *
 * <p>Masked image modeling stays honest: the MIM stage hands only visible patches; the encoder
 * places them on a zero canvas before the stem, so no token sees a hidden patch's pixels.
 *
 * <p>Geometry: each layout shrinks the image by 8 in height and 4 in width, so the patch width
 * must be 4 and the patch height a multiple of 8. {@code conv} convolves at full resolution
 * and max-pools by (2,2), (2,2), (2,1). {@code conv-strided} lets the first two convolutions
 * step by 2 instead and pools only after the last: about half the multiply-adds and no
 * full-resolution feature maps, whose memory traffic dominated the {@code conv} stem's time on
 * a CPU.
 */
public final class ConvStem extends AbstractBlock {
  private static final Shape UNIT = new Shape(1, 1);
  private static final int[] CHANNELS = {32, 64, 96};
  private static final Shape[] POOLS = {new Shape(2, 2), new Shape(2, 2), new Shape(2, 1)};
  private static final Shape[] STRIDED_STRIDES = {new Shape(2, 2), UNIT, UNIT};
  private static final Shape[] STRIDED_POOLS = {null, new Shape(2, 2), new Shape(2, 1)};

  private final ModelConfig config;
  private final Shape[] strides;
  private final Shape[] pools;
  private final Conv2d[] convs = new Conv2d[CHANNELS.length];
  private final Linear projection;

  /** The stem of {@code config} (whose {@link ModelConfig#stem()} is {@code conv}). */
  public ConvStem(ModelConfig config) {
    this.config = config;
    this.strides = strides(config);
    this.pools = pools(config);
    for (int i = 0; i < convs.length; i++) {
      Conv2d conv = Conv2d.builder()
          .setKernelShape(kernel(i))
          .optPadding(new Shape(1, 1))
          .optStride(strides[i])
          .setFilters(CHANNELS[i])
          .build();
      // He initialization: the ReLUs halve the variance, so the fan-in factor is 2.
      conv.setInitializer(
          new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2f),
          Parameter.Type.WEIGHT);
      convs[i] = addChildBlock("conv" + i, conv);
    }
    projection = addChildBlock("proj", Layers.linear(config.width()));
  }

  /** 3x3 kernels, except 4x4 where the stride is 2: its windows overlap and cover every pixel. */
  private Shape kernel(int layer) {
    return strides[layer].get(0) == 2 ? new Shape(4, 4) : new Shape(3, 3);
  }

  private static Shape[] strides(ModelConfig c) {
    return c.stridedStem() ? STRIDED_STRIDES : new Shape[] {UNIT, UNIT, UNIT};
  }

  private static Shape[] pools(ModelConfig c) {
    return c.stridedStem() ? STRIDED_POOLS : POOLS;
  }

  /** Whether a patch shape fits the stem's pooling (width 4, height a multiple of 8). */
  public static boolean fits(int patchHeight, int patchWidth) {
    return patchWidth == 4 && patchHeight % 8 == 0;
  }

  /** Throws a message saying which patch shapes the conv stem supports. */
  static void checkGeometry(int patchHeight, int patchWidth) {
    if (!fits(patchHeight, patchWidth)) {
      throw new IllegalArgumentException(
          "the conv stem needs patches 4 pixels wide and a multiple of 8 high, got "
              + patchHeight + "x" + patchWidth + "; use stem linear for other patch shapes");
    }
  }

  /** Length of the vector each token is projected from. */
  private int tokenInput() {
    return CHANNELS[CHANNELS.length - 1] * (config.patchHeight() / 8);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = toImage(inputs.head());
    for (int i = 0; i < convs.length; i++) {
      x = convs[i].forward(ps, new NDList(x), training).head();
      x = Activation.relu(x);
      if (pools[i] != null) {
        x = Pool.maxPool2d(x, pools[i], pools[i], new Shape(0, 0), false);
      }
    }
    return new NDList(projection.forward(ps, new NDList(toTokens(x)), training).head());
  }

  /** {@code (B, N, C*ph*pw)} patches (see {@link Patches}) back to {@code (B, C, H, W)}. */
  private NDArray toImage(NDArray patches) {
    ModelConfig c = config;
    long b = patches.getShape().get(0);
    return patches
        .reshape(b, c.gridHeight(), c.gridWidth(), c.channels(), c.patchHeight(), c.patchWidth())
        .transpose(0, 3, 1, 4, 2, 5)
        .reshape(b, c.channels(), c.imageHeight(), c.imageWidth());
  }

  /** {@code (B, F, H/8, W/4)} features cut at the patch grid into {@code (B, N, F*ph/8)}. */
  private NDArray toTokens(NDArray features) {
    ModelConfig c = config;
    long b = features.getShape().get(0);
    long f = features.getShape().get(1);
    return features
        .reshape(b, f, c.gridHeight(), c.patchHeight() / 8, c.gridWidth())
        .transpose(0, 2, 4, 1, 3)
        .reshape(b, c.patchCount(), tokenInput());
  }

  /** Multiply-adds of the stem for one image (for {@link FlopCounter}). */
  static double forwardFlops(ModelConfig c) {
    double flops = 0;
    double h = c.imageHeight();
    double w = c.imageWidth();
    int in = c.channels();
    Shape[] strides = strides(c);
    Shape[] pools = pools(c);
    for (int i = 0; i < CHANNELS.length; i++) {
      h /= strides[i].get(0);
      w /= strides[i].get(1);
      flops += 2 * h * w * CHANNELS[i] * in * (strides[i].get(0) == 2 ? 16 : 9);
      if (pools[i] != null) {
        h /= pools[i].get(0);
        w /= pools[i].get(1);
      }
      in = CHANNELS[i];
    }
    return flops + 2.0 * c.patchCount() * CHANNELS[CHANNELS.length - 1] * (c.patchHeight() / 8) * c.width();
  }

  @Override
  public Shape[] getOutputShapes(Shape[] in) {
    return new Shape[] {new Shape(in[0].get(0), in[0].get(1), config.width())};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType type, Shape... in) {
    Layers.require(
        in[0].dimension() == 3 && in[0].get(1) == config.patchCount() && in[0].get(2) == config.patchSize(),
        "conv stem expects all (B, " + config.patchCount() + ", " + config.patchSize() + ") patches, got " + in[0]);
    Shape s = new Shape(in[0].get(0), config.channels(), config.imageHeight(), config.imageWidth());
    for (int i = 0; i < convs.length; i++) {
      convs[i].initialize(manager, type, s);
      long h = s.get(2) / strides[i].get(0);
      long w = s.get(3) / strides[i].get(1);
      if (pools[i] != null) {
        h /= pools[i].get(0);
        w /= pools[i].get(1);
      }
      s = new Shape(s.get(0), CHANNELS[i], h, w);
    }
    projection.initialize(manager, type, new Shape(in[0].get(0), config.patchCount(), tokenInput()));
  }
}
