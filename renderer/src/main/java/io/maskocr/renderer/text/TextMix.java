package io.maskocr.renderer.text;

import io.maskocr.renderer.sampling.WeightedChoice;
import io.maskocr.renderer.config.CorpusKind;
import io.maskocr.renderer.config.StyleConfig;
import java.util.SplittableRandom;

/**
 * Draws texts from the weighted mix of sources in a {@link StyleConfig}. Immutable;
 * all randomness comes from the caller's generator, so it is deterministic and thread-safe.
 */
public final class TextMix {
  private final Corpora corpora;
  private final WeightedChoice<CorpusKind> kinds;
  private final int maxLength;
  private final java.util.List<String> plates;

  /** Builds the mix from the config's {@code corpus} weights and {@code maxLength}. */
  public TextMix(StyleConfig config, Corpora corpora) {
    this.corpora = corpora;
    this.maxLength = config.maxLength();
    // Chinese plates (pattern letter P) only when the mix asks for Chinese at all, so a
    // Latin-only config never yields Han characters.
    boolean chinese = config.corpus().getOrDefault(CorpusKind.CHINESE.key(), 0.0) > 0;
    java.util.List<String> p = corpora.platePatterns().stream()
        .filter(s -> chinese || s.indexOf('P') < 0).toList();
    this.plates = p.isEmpty() ? corpora.platePatterns() : p;
    this.kinds = new WeightedChoice<>(java.util.List.of(CorpusKind.values()), config.corpus(), CorpusKind::key, k -> true);
  }

  /** One text drawn from the mix, at most maxLength characters, with the source it came from. */
  public Drawn next(SplittableRandom r) {
    for (int attempt = 0; ; attempt++) {
      CorpusKind kind = kinds.pick(r);
      String s = generate(kind, r);
      if (s.length() <= maxLength) {
        return new Drawn(s, kind);
      }
      if (attempt > 20) {
        return new Drawn(s.substring(0, maxLength).strip(), kind);
      }
    }
  }

  private String generate(CorpusKind kind, SplittableRandom r) {
    return switch (kind) {
      case ENGLISH -> pick(corpora.english(), r);
      case MIXED_CASE -> Generators.mixedCase(pick(corpora.english(), r), r);
      case NUMBERS -> Generators.number(r);
      case DATES -> Generators.date(r);
      case PRICES -> Generators.price(r);
      case CODES -> Generators.code(r);
      case PLATES -> Generators.plate(plates, r);
      case CHINESE -> pick(corpora.chinese(), r);
      case UPPER -> pick(corpora.english(), r).toUpperCase(java.util.Locale.ROOT);
    };
  }

  private static String pick(java.util.List<String> list, SplittableRandom r) {
    return list.get(r.nextInt(list.size()));
  }

  /**
   * A drawn text.
   *
   * @param text the text
   * @param source where it came from
   */
  public record Drawn(String text, CorpusKind source) {}
}
