package io.maskocr.renderer.config;

/** Text sources the config can mix, with their JSON keys. */
public enum CorpusKind {
  /** Words from samples/corpus/english-words.txt as written. */
  ENGLISH("english"),
  /** English words in UPPER, Title, lower or rAnDoM case. */
  MIXED_CASE("mixedCase"),
  /** Integers, decimals, percentages, phone-like groups. */
  NUMBERS("numbers"),
  /** Dates in several common formats. */
  DATES("dates"),
  /** Prices with currency signs and separators. */
  PRICES("prices"),
  /** Product / serial codes (letters, digits, dashes). */
  CODES("codes"),
  /** Licence-plate-like strings from samples/corpus/plate-patterns.txt. */
  PLATES("plates"),
  /** Chinese words from samples/corpus/chinese-words.txt. */
  CHINESE("chinese"),
  /** English words in capitals, as most signs and shop fronts write them. */
  UPPER("upper");

  private final String key;

  CorpusKind(String key) {
    this.key = key;
  }

  /** True for kinds added after the first config format: written only with a weight above 0. */
  public boolean optional() {
    return ordinal() > CHINESE.ordinal();
  }

  /** The JSON key. */
  public String key() {
    return key;
  }
}
