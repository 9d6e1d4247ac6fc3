package io.maskocr.renderer.config;

/**
 * Every style effect the renderer knows, with the JSON key used in the config, the range of
 * values the renderer accepts and the unit of those values. Geometric effects move glyph
 * outlines (boxes follow them exactly); raster effects change pixels only.
 */
public enum EffectKind {
  LETTER_SPACING("letterSpacing", -0.1, 1.0, "em", "extra space between letters", true),
  CURVE("curve", -1.0, 1.0, "em", "baseline sag at the ends of the word (curved baseline)", true),
  ELASTIC("elastic", 0.0, 0.15, "em", "amplitude of a smooth random displacement field", true),
  ROTATION("rotation", -45.0, 45.0, "deg", "rotation of the whole word", true),
  PERSPECTIVE("perspective", 0.0, 0.4, "height", "random corner displacement of a homography", true),
  OUTLINE("outline", 0.0, 4.0, "px", "width of an outline stroke in a contrasting colour", false),
  SHADOW("shadow", 0.0, 5.0, "px", "offset of a drop shadow", false),
  BLUR("blur", 0.0, 4.0, "px", "Gaussian blur sigma", false),
  LOW_RES("lowRes", 0.15, 1.0, "scale", "downsample by this factor, then upsample", false),
  NOISE("noise", 0.0, 60.0, "grey", "standard deviation of Gaussian pixel noise", false),
  JPEG("jpeg", 5.0, 100.0, "quality", "JPEG quality of 8x8 DCT quantisation artefacts", false),
  // Last, so the random streams of the effects before it (keyed by ordinal) stay as they were.
  STRETCH("stretch", 0.3, 1.0, "width",
      "stretch the word to fill this fraction of the width, as a tight real crop resized to the input is", true),
  // Real-crop effects (issue 16), appended for the same reason; all off in the defaults.
  SHADING("shading", 0.0, 0.9, "fraction",
      "uneven light: a smooth gradient or vignette darkening the crop by up to this fraction", false),
  CAST_SHADOW("castShadow", 0.0, 0.9, "fraction",
      "a soft-edged shadow band across part of the crop, darkening by this fraction", false),
  OCCLUSION("occlusion", 0.0, 0.6, "height",
      "a pole, blob or wire of another colour over the word's edge, this size in text heights", false),
  CROP_JITTER("cropJitter", -0.1, 1.0, "height",
      "re-crop around the word: each side draws a margin from the range, >0 adds that many text heights,"
          + " <0 cuts that fraction of the outer character; replaces textHeight and stretch", true),
  DISTRACTORS("distractors", 0.0, 1.0, "height",
      "fragments of neighbouring text at the borders, up to this many text heights visible; not in the label", false),
  SIGN_COLORS("signColors", 0.0, 1.0, "saturation",
      "sign-like colours (saturated panels, light-on-dark text) of this saturation", false),
  CHROMATIC("chromatic", 0.0, 3.0, "px", "colour channel misregistration (red and blue shifted apart)", false);

  private final String key;
  private final double lowest;
  private final double highest;
  private final String unit;
  private final String description;
  private final boolean geometric;

  EffectKind(String key, double lowest, double highest, String unit, String description,
      boolean geometric) {
    this.key = key;
    this.lowest = lowest;
    this.highest = highest;
    this.unit = unit;
    this.description = description;
    this.geometric = geometric;
  }

  /** The key of this effect in the {@code effects} object of the JSON config. */
  public String key() {
    return key;
  }

  /** Smallest value the renderer accepts for this effect. */
  public double lowest() {
    return lowest;
  }

  /** Largest value the renderer accepts for this effect. */
  public double highest() {
    return highest;
  }

  /** Unit of the values, for labels ("px", "deg", "em", ...). */
  public String unit() {
    return unit;
  }

  /** One line saying what the effect does. */
  public String description() {
    return description;
  }

  /** True when the effect moves outlines (and therefore character boxes). */
  public boolean geometric() {
    return geometric;
  }

  /** The effect with this JSON key, or null. */
  public static EffectKind byKey(String key) {
    for (EffectKind k : values()) {
      if (k.key.equals(key)) {
        return k;
      }
    }
    return null;
  }

  /** All JSON keys, comma separated, for error messages. */
  public static String keys() {
    StringBuilder sb = new StringBuilder();
    for (EffectKind k : values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(k.key);
    }
    return sb.toString();
  }
}
