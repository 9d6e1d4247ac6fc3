package io.maskocr.renderer.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The default style, chosen to look like cropped scene-text words: mostly upright text,
 * moderate blur/noise/JPEG, Latin sources only (a Latin charset is the model default;
 * {@code samples/render/cjk.json} mixes in Chinese).
 */
final class DefaultStyle {
  private DefaultStyle() {}

  static final StyleConfig CONFIG = build();

  private static StyleConfig build() {
    Map<String, Double> fonts = new LinkedHashMap<>();
    fonts.put("sans", 3.0);
    fonts.put("serif", 2.0);
    fonts.put("mono", 1.0);
    fonts.put("condensed", 1.0);
    fonts.put("bold", 2.0);
    fonts.put("script", 1.0);
    fonts.put("cjk", 0.0);
    Map<String, Double> corpus = new LinkedHashMap<>();
    corpus.put("english", 5.0);
    corpus.put("mixedCase", 2.0);
    corpus.put("numbers", 0.6);
    corpus.put("dates", 0.4);
    corpus.put("prices", 0.4);
    corpus.put("codes", 0.4);
    corpus.put("plates", 0.2);
    corpus.put("chinese", 0.0);
    Map<String, Double> background = new LinkedHashMap<>();
    background.put("flat", 3.0);
    background.put("gradient", 2.0);
    background.put("texture", 2.0);
    background.put("image", 0.0);
    Map<String, Effect> effects = new LinkedHashMap<>();
    effects.put("letterSpacing", new Effect(0.3, -0.05, 0.3));
    effects.put("curve", new Effect(0.15, -0.3, 0.3));
    effects.put("elastic", new Effect(0.2, 0.01, 0.04));
    effects.put("rotation", new Effect(0.5, -6, 6));
    effects.put("perspective", new Effect(0.3, 0.02, 0.12));
    effects.put("outline", new Effect(0.1, 0.6, 1.5));
    effects.put("shadow", new Effect(0.1, 0.8, 2.0));
    effects.put("blur", new Effect(0.35, 0.3, 1.0));
    effects.put("lowRes", new Effect(0.2, 0.4, 0.8));
    effects.put("noise", new Effect(0.4, 2, 12));
    effects.put("jpeg", new Effect(0.3, 25, 90));
    effects.put("stretch", new Effect(0.0, 0.85, 1.0));
    // real-crop effects: off by default (samples/render/crop.json turns them on)
    effects.put("shading", new Effect(0.0, 0.2, 0.6));
    effects.put("castShadow", new Effect(0.0, 0.2, 0.5));
    effects.put("occlusion", new Effect(0.0, 0.15, 0.4));
    effects.put("cropJitter", new Effect(0.0, -0.08, 0.3));
    effects.put("distractors", new Effect(0.0, 0.15, 0.5));
    effects.put("signColors", new Effect(0.0, 0.4, 1.0));
    effects.put("chromatic", new Effect(0.0, 0.3, 1.2));
    return new StyleConfig(1, fonts, corpus, 24, new Range(0.55, 0.9), new Range(0.3, 0.9), 0.3,
        background, null, effects);
  }
}
