package io.maskocr.engine.infer;

import io.maskocr.engine.MaskocrHome;
import io.maskocr.engine.model.CharacterSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import java.util.logging.Logger;

/**
 * The English spelling prior {@link JointDecoding} adds to each candidate reading: a character
 * 5-gram model of the bundled word list ({@code samples/corpus/english-words.txt}, the words the
 * synthetic renderer draws), weighted 0.2 against the two heads.
 *
 * <p>Order and weight were chosen on the train split of the development crops (run 11, 1,500
 * crops: 92.6% without the prior, 94.3% with order 5 at weight 0.2; orders 4-6 and weights
 * 0.1-0.8 tried), then measured once on the test split. Only Latin charsets get it: a prior
 * over English spellings says nothing about plates or Chinese text.
 */
final class SpellingPrior {
  static final int ORDER = 5;
  static final double WEIGHT = 0.2;

  private static final Logger LOG = Logger.getLogger(SpellingPrior.class.getName());

  private SpellingPrior() {}

  /**
   * The weighted log-prior of a token reading under {@code charset}, or null when the charset is
   * not Latin or the word list cannot be read (reading then goes on without it).
   */
  static ToDoubleFunction<int[]> forCharset(CharacterSet charset) {
    if (!charset.symbols().chars().allMatch(c -> c < 128)) {
      return null;
    }
    return bundled()
        .<ToDoubleFunction<int[]>>map(lm -> tokens -> WEIGHT * lm.logProbability(charset.decode(tokens)))
        .orElse(null);
  }

  /** The model of the bundled word list, built on first use, once per process (about 0.2 s). */
  static Optional<CharLanguageModel> bundled() {
    return Bundled.MODEL;
  }

  /** Holder: the JVM initializes it once, on first access, without further locking. */
  private static final class Bundled {
    static final Optional<CharLanguageModel> MODEL = load();
  }

  private static Optional<CharLanguageModel> load() {
    try {
      Path words = MaskocrHome.samples().resolve("corpus").resolve("english-words.txt");
      List<String> lines = Files.readAllLines(words, StandardCharsets.UTF_8);
      return Optional.of(CharLanguageModel.train(lines, ORDER));
    } catch (IOException | IllegalStateException e) {
      LOG.warning("reading without the English spelling prior: " + e.getMessage());
      return Optional.empty();
    }
  }
}
