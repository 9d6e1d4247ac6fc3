package io.maskocr.renderer;

import io.maskocr.renderer.config.Effect;
import io.maskocr.renderer.config.EffectKind;
import io.maskocr.renderer.config.Range;
import io.maskocr.renderer.config.StyleConfig;
import java.util.Map;

/** Style configs for pixel tests: flat backgrounds, strong contrast, chosen effects only. */
final class Configs {
  private Configs() {}

  /** Every effect off except the given ones, which always fire. */
  static StyleConfig only(Map<EffectKind, Effect> on) {
    StyleConfig c = StyleConfig.defaults()
        .withBackground(Map.of("flat", 1.0), null)
        .withContrast(new Range(0.9, 1.0));
    for (EffectKind k : EffectKind.values()) {
      Effect e = on.get(k);
      c = c.withEffect(k, e != null ? e : c.effect(k).withProbability(0));
    }
    return c;
  }

  /** All geometric effects at full probability with strong ranges. */
  static StyleConfig allGeometry() {
    return only(Map.of(
        EffectKind.LETTER_SPACING, new Effect(1, -0.05, 0.4),
        EffectKind.CURVE, new Effect(1, -0.4, 0.4),
        EffectKind.ELASTIC, new Effect(1, 0.02, 0.06),
        EffectKind.ROTATION, new Effect(1, -15, 15),
        EffectKind.PERSPECTIVE, new Effect(1, 0.05, 0.2)));
  }
}
