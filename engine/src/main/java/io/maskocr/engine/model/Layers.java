package io.maskocr.engine.model;

import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.initializer.TruncatedNormalInitializer;

/** Factories for the stock DJL layers our blocks use, with ViT initialization. */
final class Layers {
  private Layers() {}

  /** Standard deviation of the truncated-normal init used by ViT (timm). */
  static final float INIT_STD = 0.02f;

  /** A linear layer over the last axis, weights ~ TruncNormal(0.02), zero bias. */
  static Linear linear(long units) {
    Linear l = Linear.builder().setUnits(units).build();
    l.setInitializer(new TruncatedNormalInitializer(INIT_STD), Parameter.Type.WEIGHT);
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
