package io.maskocr.renderer.config;

import java.util.Locale;

/** Kinds of background, weighted in the config (key = lower-case name). */
public enum BackgroundKind {
  /** One colour. */
  FLAT,
  /** Linear gradient between two nearby colours at a random angle. */
  GRADIENT,
  /** Procedural fractal value noise around the background colour. */
  TEXTURE,
  /** Random crops of the user's images in {@code backgroundImages}. */
  IMAGE;

  /** The JSON key, e.g. {@code "flat"}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
