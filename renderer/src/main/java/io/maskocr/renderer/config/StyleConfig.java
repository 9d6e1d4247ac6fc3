package io.maskocr.renderer.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The whole style configuration of the synthetic renderer, stored as JSON
 * ({@code samples/render/default.json} is {@link #defaults()} written out).
 *
 * <p>Missing objects take their default; missing entries of {@code effects} take the default
 * effect; weight maps are taken as given (a missing key weighs 0; font categories added later,
 * {@link FontCategory#optional()}, are only written when their weight is above 0). Every value
 * is validated here, so a bad file fails when it is read, with the JSON path and line in the
 * message.
 *
 * @param version schema version, 1
 * @param fonts weight of each font category ({@link FontCategory} keys)
 * @param corpus weight of each text source ({@link CorpusKind} keys)
 * @param maxLength longest text in characters
 * @param textHeight fraction of the output height the text's ink fills
 * @param contrast luminance difference between text and background, 0..1
 * @param grayscale probability that a sample uses grey colours only
 * @param background weight of each background kind ({@link BackgroundKind} keys)
 * @param backgroundImages folder of user images for {@code image} backgrounds, or null
 * @param effects one {@link Effect} per {@link EffectKind} key
 */
@JsonPropertyOrder({"version", "fonts", "corpus", "maxLength", "textHeight", "contrast",
    "grayscale", "background", "backgroundImages", "effects"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StyleConfig(
    Integer version,
    Map<String, Double> fonts,
    Map<String, Double> corpus,
    Integer maxLength,
    Range textHeight,
    Range contrast,
    Double grayscale,
    Map<String, Double> background,
    String backgroundImages,
    @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = LaterKeys.Effects.class)
    Map<String, Effect> effects) {

  /** Fills defaults and validates; throws IllegalArgumentException naming the bad field. */
  public StyleConfig {
    version = version == null ? 1 : version;
    if (version != 1) {
      throw new IllegalArgumentException("version: only version 1 is supported, got " + version);
    }
    fonts = weights("fonts", fonts == null ? d().fonts : fonts, FontCategory.values(), FontCategory::key,
        FontCategory::optional);
    corpus = weights("corpus", corpus == null ? d().corpus : corpus, CorpusKind.values(), CorpusKind::key,
        CorpusKind::optional);
    maxLength = maxLength == null ? d().maxLength : maxLength;
    if (maxLength < 1 || maxLength > 64) {
      throw new IllegalArgumentException("maxLength (" + maxLength + ") must be between 1 and 64");
    }
    textHeight = (textHeight == null ? d().textHeight : textHeight).within("textHeight", 0.2, 1.0);
    contrast = (contrast == null ? d().contrast : contrast).within("contrast", 0.05, 1.0);
    grayscale = grayscale == null ? d().grayscale : grayscale;
    if (!(grayscale >= 0 && grayscale <= 1)) {
      throw new IllegalArgumentException("grayscale (" + grayscale + ") must be a probability in [0, 1]");
    }
    background = weights("background", background == null ? d().background : background,
        BackgroundKind.values(), BackgroundKind::key, BackgroundKind::optional);
    if (background.getOrDefault("image", 0.0) > 0 && (backgroundImages == null || backgroundImages.isBlank())) {
      throw new IllegalArgumentException(
          "background.image has weight " + background.get("image")
              + " but backgroundImages (a folder of images) is not set");
    }
    effects = effects(effects == null ? Map.of() : effects);
  }

  /** The defaults; only consulted for fields a file leaves out (DefaultStyle gives all). */
  private static StyleConfig d() {
    return DefaultStyle.CONFIG;
  }

  private static Map<String, Effect> effects(Map<String, Effect> given) {
    Map<String, Effect> out = new LinkedHashMap<>();
    for (String key : given.keySet()) {
      if (EffectKind.byKey(key) == null) {
        throw new IllegalArgumentException(
            "effects." + key + ": unknown effect '" + key + "'; known effects: " + EffectKind.keys());
      }
    }
    for (EffectKind k : EffectKind.values()) {
      Effect e = given.get(k.key());
      if (e == null) {
        e = d().effects.get(k.key());
      }
      out.put(k.key(), e.checkedFor(k));
    }
    return Collections.unmodifiableMap(out);
  }

  private static <E> Map<String, Double> weights(
      String field, Map<String, Double> given, E[] known, Function<E, String> key) {
    return weights(field, given, known, key, e -> false);
  }

  /** As above; keys of {@code optional} options are left out while their weight is 0. */
  private static <E> Map<String, Double> weights(
      String field, Map<String, Double> given, E[] known, Function<E, String> key, Predicate<E> optional) {
    Map<String, Double> out = new LinkedHashMap<>();
    StringBuilder names = new StringBuilder();
    for (E e : known) {
      names.append(names.length() == 0 ? "" : ", ").append(key.apply(e));
    }
    for (Map.Entry<String, Double> en : given.entrySet()) {
      boolean ok = false;
      for (E e : known) {
        ok |= key.apply(e).equals(en.getKey());
      }
      if (!ok) {
        throw new IllegalArgumentException(
            field + ": unknown key '" + en.getKey() + "'; known keys: " + names);
      }
      Double w = en.getValue();
      if (w == null || !(w >= 0) || w.isInfinite()) {
        throw new IllegalArgumentException(
            field + "." + en.getKey() + ": weight (" + w + ") must be a number >= 0");
      }
    }
    double total = 0;
    for (E e : known) {
      double w = given.getOrDefault(key.apply(e), 0.0);
      total += w;
      if (w > 0 || !optional.test(e)) {
        out.put(key.apply(e), w);
      }
    }
    if (total <= 0) {
      throw new IllegalArgumentException(field + ": at least one weight must be above 0 (keys: " + names + ")");
    }
    return Collections.unmodifiableMap(out);
  }

  /** The default style (the content of samples/render/default.json). */
  public static StyleConfig defaults() {
    return DefaultStyle.CONFIG;
  }

  /** This effect's setting. */
  public Effect effect(EffectKind kind) {
    return effects.get(kind.key());
  }

  /** A copy with one effect replaced (validated). */
  public StyleConfig withEffect(EffectKind kind, Effect effect) {
    Map<String, Effect> m = new LinkedHashMap<>(effects);
    m.put(kind.key(), effect);
    return new StyleConfig(version, fonts, corpus, maxLength, textHeight, contrast, grayscale,
        background, backgroundImages, m);
  }

  /** A copy with other text-source weights (validated). */
  public StyleConfig withCorpus(Map<String, Double> weights) {
    return new StyleConfig(version, fonts, weights, maxLength, textHeight, contrast, grayscale,
        background, backgroundImages, effects);
  }

  /** A copy with other font-category weights (validated). */
  public StyleConfig withFonts(Map<String, Double> weights) {
    return new StyleConfig(version, weights, corpus, maxLength, textHeight, contrast, grayscale,
        background, backgroundImages, effects);
  }

  /** A copy with other background weights (validated). */
  public StyleConfig withBackground(Map<String, Double> weights, String imagesDir) {
    return new StyleConfig(version, fonts, corpus, maxLength, textHeight, contrast, grayscale,
        weights, imagesDir, effects);
  }

  /** A copy with another text-height range (validated). */
  public StyleConfig withTextHeight(Range range) {
    return new StyleConfig(version, fonts, corpus, maxLength, range, contrast, grayscale,
        background, backgroundImages, effects);
  }

  /** A copy with another grayscale probability (validated). */
  public StyleConfig withGrayscale(double probability) {
    return new StyleConfig(version, fonts, corpus, maxLength, textHeight, contrast, probability,
        background, backgroundImages, effects);
  }

  /** A copy with another maximum text length (validated). */
  public StyleConfig withMaxLength(int length) {
    return new StyleConfig(version, fonts, corpus, length, textHeight, contrast, grayscale,
        background, backgroundImages, effects);
  }

  /** A copy with another contrast range (validated). */
  public StyleConfig withContrast(Range range) {
    return new StyleConfig(version, fonts, corpus, maxLength, textHeight, range, grayscale,
        background, backgroundImages, effects);
  }
}
