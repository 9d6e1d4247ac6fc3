package io.maskocr.engine.external;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Greedy CTC and end-token decoding on hand-made probabilities. */
class GreedyReadingTest {
  private static final ClassTable PPOCR =
      ClassTable.of(List.of(ClassTable.BLANK, ClassTable.DICTIONARY, " "), List.of("a", "b"));
  private static final ClassTable EOS_LAST = ClassTable.of(List.of(ClassTable.DICTIONARY, ClassTable.EOS), List.of("a", "b"));
  private static final ClassTable EOS_FIRST = ClassTable.of(List.of(ClassTable.EOS, ClassTable.DICTIONARY), List.of("a", "b"));

  /** One row of one-hot-ish steps: the winning class gets {@code p}, the rest share what is left. */
  private static float[] steps(int classes, float p, int... winners) {
    float[] x = new float[winners.length * classes];
    for (int t = 0; t < winners.length; t++) {
      for (int k = 0; k < classes; k++) {
        x[t * classes + k] = k == winners[t] ? p : (1 - p) / (classes - 1);
      }
    }
    return x;
  }

  @Test
  void ctcMergesRepeatsDropsBlanksAndReadsTheLastClassAsSpace() {
    // a a _ a b [space] b b _
    Decoded d = GreedyReading.decode(steps(4, 0.8f, 1, 1, 0, 1, 2, 3, 2, 2, 0), 0, 9, 4, PPOCR, true, false);
    assertEquals("aab b", d.text());
    assertEquals(5, d.charProbabilities().length);
    assertEquals(0.8, d.confidence(), 1e-6);
  }

  @Test
  void ctcConfidenceIsTheMeanOfTheKeptMaximaAndZeroWhenNothingIsRead() {
    float[] x = {0.1f, 0.9f, 0, 0, 0.3f, 0, 0.7f, 0, 1, 0, 0, 0};
    Decoded d = GreedyReading.decode(x, 0, 3, 4, PPOCR, true, false);
    assertEquals("ab", d.text());
    assertEquals((0.9 + 0.7) / 2, d.confidence(), 1e-6);
    assertEquals(0.0, GreedyReading.decode(steps(4, 0.9f, 0, 0), 0, 2, 4, PPOCR, true, false).confidence());
  }

  @Test
  void ctcTieGoesToTheFirstClassAsTheReference() {
    float[] x = {0.25f, 0.25f, 0.25f, 0.25f};
    assertEquals("", GreedyReading.decode(x, 0, 1, 4, PPOCR, true, false).text());
  }

  @Test
  void eosDecodingStopsAtTheEndTokenWhereverTheLayoutPutsIt() {
    assertEquals("ab", GreedyReading.decode(steps(3, 0.9f, 0, 1, 2, 0), 0, 4, 3, EOS_LAST, false, false).text());
    Decoded first = GreedyReading.decode(steps(3, 0.9f, 2, 1, 0, 2), 0, 4, 3, EOS_FIRST, false, true);
    assertEquals("ba", first.text());
    // product with the end token's probability, as baudm/parseq
    assertEquals(0.9 * 0.9 * 0.9, first.confidence(), 1e-6);
    assertArrayEquals(new float[] {0.9f, 0.9f}, first.charProbabilities());
  }

  @Test
  void secondRowOfABatchIsReadFromItsOwnOffset() {
    float[] two = new float[2 * 2 * 4];
    System.arraycopy(steps(4, 0.9f, 1, 0), 0, two, 0, 8);
    System.arraycopy(steps(4, 0.9f, 2, 3), 0, two, 8, 8);
    assertEquals("b ", GreedyReading.decode(two, 1, 2, 4, PPOCR, true, false).text());
  }

  @Test
  void softmaxTurnsLogitsIntoProbabilities() {
    float[] x = {0, 0, (float) Math.log(2)};
    GreedyReading.softmax(x, 1, 3);
    assertArrayEquals(new float[] {0.25f, 0.25f, 0.5f}, x, 1e-6f);
  }
}
