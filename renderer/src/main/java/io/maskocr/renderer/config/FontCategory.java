package io.maskocr.renderer.config;

import java.util.Locale;

/**
 * Style families of the bundled fonts; the config weights them (key = lower-case name).
 *
 * <p>New categories go at the end, so the draw order of existing configs stays the same.
 * Categories added after the first release ({@link #optional()}) are left out of a config's
 * JSON while their weight is 0, so configs written before they existed keep their exact
 * text and hash.
 */
public enum FontCategory {
  SANS, SERIF, MONO, CONDENSED, BOLD, SCRIPT, CJK,
  /** Decorative faces for signs and titles: blackletter, rounded, pixel, outline, wide. */
  DISPLAY,
  /** Letters with stencil bridges. */
  STENCIL,
  /** Faces that imitate handwriting: marker, pen, school cursive. */
  HANDWRITING;

  /** The JSON key, e.g. {@code "sans"}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True for categories added after the first config format: written only with a weight above 0. */
  public boolean optional() {
    return ordinal() > CJK.ordinal();
  }
}
