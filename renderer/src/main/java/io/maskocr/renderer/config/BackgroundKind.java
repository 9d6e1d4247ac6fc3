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
  IMAGE,
  // Procedural photo-like surfaces (issue 16), appended so existing weights pick as before.
  /** Brick wall: staggered bricks with mortar joints. */
  BRICK,
  /** Wood grain: warped stripes along the board. */
  WOOD,
  /** Concrete or plaster: multi-octave noise with speckles and stains. */
  CONCRETE,
  /** Brushed metal: streaks along one direction under a broad sheen. */
  METAL,
  /** Foliage: overlapping leaf-like blobs in greens and browns. */
  FOLIAGE,
  /** Signboard: a panel with a border, its edge and the wall behind it partly visible. */
  SIGNBOARD,
  /** Out-of-focus lights: soft discs of colour on a dark or mid background. */
  BOKEH;

  /** True for kinds added after the first config format: written only with a weight above 0. */
  public boolean optional() {
    return ordinal() > IMAGE.ordinal();
  }

  /** The JSON key, e.g. {@code "flat"}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
