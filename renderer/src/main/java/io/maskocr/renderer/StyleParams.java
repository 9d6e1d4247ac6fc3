package io.maskocr.renderer;

import java.util.Map;

/**
 * What the renderer chose for one sample; enough to explain how it looks.
 *
 * @param font file name of the main font (in assets/fonts)
 * @param fontCategory its style family key
 * @param source text source key (e.g. "english"), or "given" for caller-supplied text
 * @param background background kind key
 * @param textRgb text colour 0xRRGGBB
 * @param backgroundRgb base background colour 0xRRGGBB
 * @param textHeight fraction of the output height the ink fills
 * @param effects value of every effect that fired, keyed by effect key, in pipeline order
 */
public record StyleParams(
    String font, String fontCategory, String source, String background, int textRgb,
    int backgroundRgb, double textHeight, Map<String, Double> effects) {
  /** Copies the effect map. */
  public StyleParams {
    effects = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(effects));
  }
}
