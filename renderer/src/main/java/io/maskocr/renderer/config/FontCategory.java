package io.maskocr.renderer.config;

import java.util.Locale;

/** Style families of the bundled fonts; the config weights them (key = lower-case name). */
public enum FontCategory {
  SANS, SERIF, MONO, CONDENSED, BOLD, SCRIPT, CJK;

  /** The JSON key, e.g. {@code "sans"}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
