package io.maskocr.engine.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.LabelComparison;
import io.maskocr.engine.store.Prediction;
import io.maskocr.engine.store.QueueFilter;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * "Model disagrees with the current label" compares under the model's charset: characters the
 * model cannot output are ignored, and case only when the charset folds it (latin36).
 */
class DisagreementFilterTest {
  @TempDir Path dir;

  private static final LabelComparison LATIN36 = comparison(CharacterSet.latin36());
  private static final LabelComparison LATIN94 = comparison(CharacterSet.latin94());
  private static final LabelComparison DIGITS = new LabelComparison("0123456789", false);

  private static LabelComparison comparison(CharacterSet cs) {
    return new LabelComparison(cs.symbols(), cs.caseFolding());
  }

  @ParameterizedTest(name = "latin36: ''{1}'' read as ''{0}'' disagrees: {2}")
  @CsvSource(delimiter = '|', value = {
      "bird    | Bird      | false", // case: latin36 cannot output upper case
      "newyork | New York  | false", // the space is not in latin36
      "dont    | Don't     | false", // nor the apostrophe
      "caf     | Café      | false", // é is not in latin36: dropped, as training and the 36-symbol
      "cafe    | Café      | true", //   protocol of evaluation drop it (not turned into e)
      "dug     | dog       | true",
      "bird    | birds     | true",
      "''      | ?!        | false", // nothing readable in the label, nothing read
  })
  void latin36IgnoresCaseAndWhatItCannotOutput(String prediction, String label, boolean differs) {
    assertEquals(differs, LATIN36.differs(prediction, label));
  }

  @ParameterizedTest(name = "latin94: ''{1}'' read as ''{0}'' disagrees: {2}")
  @CsvSource(delimiter = '|', value = {
      "bird     | Bird      | true", // latin94 has upper case: the model should have read it
      "Bird     | Bird      | false",
      "NewYork  | New York  | false", // the space is not in latin94
      "Don't    | Don't     | false",
      "Caf      | Café      | false", // é is not in latin94
  })
  void latin94KeepsCaseAndIgnoresOnlyWhatItCannotOutput(String prediction, String label, boolean differs) {
    assertEquals(differs, LATIN94.differs(prediction, label));
  }

  @Test
  void latin36FormMatchesWhatTheModelIsTrainedOn() {
    CharacterSet cs = CharacterSet.latin36();
    for (String label : List.of("Hello, World!", "Straße 12", "ÉCOLE", "a-b_c", "")) {
      assertEquals(cs.normalize(label), LATIN36.readable(label), label);
    }
  }

  @Test
  void exactComparesTextAsIs() {
    assertTrue(LabelComparison.EXACT.differs("bird", "Bird"));
    assertFalse(LabelComparison.EXACT.differs("New York", "New York"));
  }

  @Test
  void aCustomCharsetIgnoresEverythingItCannotOutput() {
    assertFalse(DIGITS.differs("12", "Exit 12"));
    assertTrue(DIGITS.differs("13", "Exit 12"));
  }

  /** The same decisions inside the queue query and its "disagree" count. */
  @Test
  void queueFilterAndCountUseTheCharset() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      Dataset d = ws.datasets().create("signs");
      List<String> labels = List.of("Bird", "New York", "Don't", "dog", "Café", "O'Neil", "Exit 12");
      List<Sample> s = AnnotateFixtures.addWords(ws, d.id(), labels, Split.TRAIN, true);
      // what a latin36 and a latin94 model would output
      predict(ws, s, "36@1", List.of("bird", "newyork", "dont", "dug", "caf", "oneil", "exit13"));
      predict(ws, s, "94@1", List.of("bird", "NewYork", "Don't", "dug", "Caf", "ONeil", "Exit13"));
      QueueFilter m36 = QueueFilter.all(d.id(), "36@1");
      QueueFilter m94 = QueueFilter.all(d.id(), "94@1");
      assertEquals(List.of("dug", "exit13"), disagreeing(ws, m36.withDisagreesOnly(true, LATIN36)));
      assertEquals(2, ws.predictions().queueCounts(m36.withDisagreesOnly(false, LATIN36)).disagreeing());
      assertEquals(List.of("bird", "dug", "ONeil", "Exit13"), disagreeing(ws, m94.withDisagreesOnly(true, LATIN94)));
      assertEquals(4, ws.predictions().queueCounts(m94.withDisagreesOnly(false, LATIN94)).disagreeing());
      assertEquals(7, disagreeing(ws, m36.withDisagreesOnly(true, LabelComparison.EXACT)).size());
    }
  }

  private static void predict(Workspace ws, List<Sample> s, String checkpoint, List<String> texts) {
    List<Prediction> p = new ArrayList<>();
    for (int i = 0; i < s.size(); i++) {
      p.add(new Prediction(s.get(i).id(), checkpoint, texts.get(i), 0.1 + 0.1 * i, new float[texts.get(i).length()]));
    }
    ws.predictions().insertBatch(p);
  }

  private static List<String> disagreeing(Workspace ws, QueueFilter f) {
    return ws.predictions().queue(f, null, 100).stream().map(i -> i.prediction().text()).toList();
  }
}
