package io.maskocr.engine.model;

import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.initializer.TruncatedNormalInitializer;
import ai.djl.training.initializer.XavierInitializer;

/** Factories for the stock DJL layers our blocks use, with ViT initialization. */
final class Layers {
  private Layers() {}

  /** Standard deviation of the truncated-normal init of learned tables (ViT, timm). */
  static final float INIT_STD = 0.02f;

  /**
   * A linear layer over the last axis, weights ~ Glorot uniform (as PyTorch's attention and MAE
   * use), zero bias. With TruncNormal(0.02) the attention logits of the tiny model start about
   * 13x smaller and attention stays uniform for hundreds of steps.
   */
  static Linear linear(long units) {
    Linear l = Linear.builder().setUnits(units).build();
    l.setInitializer(
        new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3f),
        Parameter.Type.WEIGHT);
    return l;
  }

  /** Layer norm over the last axis of a (B, N, D) input. */
  static LayerNorm norm() {
    return LayerNorm.builder().axis(2).build();
  }

  /** A learned table (positions, queries, mask token), not weight-decayed. */
  static Parameter table(String name, long... shape) {
    return Parameter.builder()
        .setName(name)
        .setType(Parameter.Type.OTHER)
        .optShape(new ai.djl.ndarray.types.Shape(shape))
        .optInitializer(new TruncatedNormalInitializer(INIT_STD))
        .build();
  }

  static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
