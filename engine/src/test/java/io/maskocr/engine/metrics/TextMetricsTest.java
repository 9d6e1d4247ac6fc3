package io.maskocr.engine.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextMetricsTest {
  @Test
  void protocol36LowerCasesAndKeepsAlphanumerics() {
    assertEquals("caf3x", TextMetrics.normalize36("Caf-3 X!"));
  }

  @Test
  void levenshteinAndOneMinusNedMatchHandComputedValues() {
    assertEquals(3, TextMetrics.levenshtein("kitten", "sitting"));
    assertEquals(1 - 3.0 / 7, TextMetrics.oneMinusNed("kitten", "sitting"), 1e-12);
    assertEquals(1.0, TextMetrics.oneMinusNed("", ""));
    assertEquals(0.0, TextMetrics.oneMinusNed("", "abc"));
  }

  @Test
  void differencesListSubstitutionsDeletionsAndInsertions() {
    List<String[]> d = TextMetrics.differences("hello", "hallo!");
    assertEquals(2, d.size());
    assertEquals("e", d.get(0)[0]);
    assertEquals("a", d.get(0)[1]);
    assertEquals("", d.get(1)[0]);
    assertEquals("!", d.get(1)[1]);
  }

  @Test
  void evaluatorSumsPerSampleAndDividesOnce() {
    Evaluator ev = new Evaluator();
    ev.add("Hello", "hello", 0.9); // right under 36, wrong case-sensitive
    ev.add("World", "World", 0.8); // right under both
    ev.add("abc", "abd", 0.5); // wrong: 1-NED = 2/3
    ev.add("a1", "a1!", 0.4); // right under 36 (punctuation ignored), wrong full
    EvaluationReport r = ev.report(5);
    assertEquals(4, r.count());
    assertEquals(0.75, r.accuracy36(), 1e-12);
    assertEquals(0.25, r.accuracyFull(), 1e-12);
    assertEquals((1 + 1 + 2.0 / 3 + 1) / 4, r.meanOneMinusNed(), 1e-12);
    assertEquals(0.65, r.meanConfidence(), 1e-12);
    assertEquals(1, r.byLength().get(3)[1]);
    assertEquals(0, r.byLength().get(3)[0]);
    assertEquals(2, r.byLength().get(5)[0]);
    assertEquals(3, r.confusions().size()); // H->h, c->d, ''->'!'
    assertEquals(null, r.accuracy36Ctc(), "no CTC readings added");
    ev.addCtc("Hello", "hello");
    ev.addCtc("abc", "ab");
    assertEquals(0.5, ev.report(5).accuracy36Ctc(), 1e-12);
    assertEquals(null, ev.report(5).accuracy36Decoder(), "no decoder-alone readings added");
    ev.addDecoderAlone("Hello", "hallo");
    assertEquals(0.0, ev.report(5).accuracy36Decoder(), 1e-12);
  }
}
