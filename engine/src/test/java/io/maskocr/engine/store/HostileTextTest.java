package io.maskocr.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Quotes, backslashes, SQL words and odd characters are stored and shown as written (both back ends). */
@ParameterizedClass
@EnumSource(Backend.class)
class HostileTextTest {
  static final List<String> HOSTILE = List.of(
      "O'Brien", "\"quoted\"", "back\\slash\\\\", "'); DROP TABLE samples; --", "SELECT * FROM label_history",
      "100%_off", "tab\there", "two\nlines", "\r\n", "😀 emoji", "北京", "ﬁ ligature", "$$ dollar $$", "\\x00",
      "' OR '1'='1", "E'\\n'", "\u202Eright-to-left", " ", "");

  @Parameter Backend backend;
  @TempDir Path dir;

  @Test
  void hostileLabelsNamesAndFileNamesComeBackExactly() throws Exception {
    try (Workspace ws = backend.open(dir)) {
      Dataset d = ws.datasets().create("it's \"a\" \\ dataset; DROP TABLE x");
      assertEquals("it's \"a\" \\ dataset; DROP TABLE x", ws.datasets().require(d.name()).name());
      byte[] png = StoreFixtures.png(5, 20, 10);
      String sha = StoreFixtures.sha256(png);
      ws.images().put(sha, "png", png);
      ws.samples().addBatch(d.id(), List.of(new NewSample(sha, "png", 20, 10, "a'b\\c\"; --.png", Split.TRAIN, null)), "t");
      Sample s = ws.samples().page(SampleQuery.of(d.id(), 1)).get(0);
      assertEquals("a'b\\c\"; --.png", s.originalName());
      for (String text : HOSTILE) {
        ws.labels().append(new NewLabel(s.id(), text, "o'neil \\ \"x\"", LabelSource.HUMAN));
        assertEquals(text, ws.labels().current(s.id()).orElseThrow().text());
        assertEquals(text, ws.samples().get(s.id()).orElseThrow().label());
      }
      assertEquals(HOSTILE, ws.labels().history(s.id()).stream().map(LabelEntry::text).toList());
      assertEquals(1, ws.samples().count(SampleQuery.of(d.id(), 1).withLabelSearch("")), "blank search");
    }
  }

  @Test
  void aNulCharacterIsRefusedWithAClearMessageOnBothBackEnds() throws Exception {
    try (Workspace ws = backend.open(dir)) {
      Dataset d = ws.datasets().create("d");
      long id = StoreFixtures.addSamples(ws, d.id(), 1, "n").get(0);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> ws.labels().append(new NewLabel(id, "a\u0000b", "u", LabelSource.HUMAN)));
      assertTrue(e.getMessage().contains("NUL"), e.getMessage());
      assertEquals("n0", ws.labels().current(id).orElseThrow().text(), "nothing stored");
    }
  }
}
