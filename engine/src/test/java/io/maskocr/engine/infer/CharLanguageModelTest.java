package io.maskocr.engine.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.model.CharacterSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class CharLanguageModelTest {
  private static final List<String> WORDS =
      List.of("mirror", "error", "terror", "matrix", "mat", "tricks", "room", "mirth", "Street", "2024");

  @Test
  void theNextSymbolsProbabilitiesSumToOne() {
    CharLanguageModel lm = CharLanguageModel.train(WORDS, 5);
    for (String prefix : List.of("", "mi", "mirr", "zzz", "stre", "20")) {
      int[] p = CharLanguageModel.symbols(prefix);
      double sum = 0;
      for (int c = 0; c < CharLanguageModel.SYMBOLS; c++) {
        sum += Math.exp(lm.nextLogProbability(p, c));
      }
      assertEquals(1.0, sum, 1e-9, "after '" + prefix + "'");
    }
  }

  @Test
  void aKnownSpellingBeatsAPositionSlip() {
    CharLanguageModel lm = CharLanguageModel.train(WORDS, 5);
    assertTrue(lm.logProbability("mirror") > lm.logProbability("mmirror"));
    assertTrue(lm.logProbability("matrix") > lm.logProbability("matix"));
    assertTrue(lm.logProbability("room") > lm.logProbability("rooom"));
  }

  @Test
  void caseAndPunctuationDoNotCount() {
    CharLanguageModel lm = CharLanguageModel.train(WORDS, 4);
    assertEquals(lm.logProbability("street"), lm.logProbability("STREET!"), 1e-12);
    assertEquals(lm.logProbability("street"), lm.logProbability("St-reet"), 1e-12);
  }

  @Test
  void unseenSymbolsKeepAFiniteProbability() {
    CharLanguageModel lm = CharLanguageModel.train(List.of("abc"), 5);
    double lp = lm.logProbability("qqq9");
    assertTrue(Double.isFinite(lp) && lp < lm.logProbability("abc"));
  }

  @Test
  void theOrderIsChecked() {
    assertThrows(IllegalArgumentException.class, () -> CharLanguageModel.train(WORDS, 0));
    assertThrows(IllegalArgumentException.class, () -> CharLanguageModel.train(WORDS, 9));
  }

  @Test
  void onlyLatinCharsetsGetTheBundledPrior() {
    assertTrue(SpellingPrior.forCharset(CharacterSet.latin36()) != null, "the bundled word list loads in tests");
    assertEquals(null, SpellingPrior.forCharset(CharacterSet.of("plates", "京沪ABC0123", false)));
  }
}
