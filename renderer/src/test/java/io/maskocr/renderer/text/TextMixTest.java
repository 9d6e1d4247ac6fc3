package io.maskocr.renderer.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.renderer.config.CorpusKind;
import io.maskocr.renderer.config.StyleConfig;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextMixTest {
  private static Corpora corpora() throws Exception {
    return Corpora.load(Path.of(System.getProperty("maskocr.repo", "..")).resolve("samples/corpus"));
  }

  private static boolean hasHan(String s) {
    return s.chars().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
  }

  @Test
  void latinDefaultNeverYieldsHanAndRespectsMaxLength() throws Exception {
    TextMix mix = new TextMix(StyleConfig.defaults(), corpora());
    SplittableRandom r = new SplittableRandom(3);
    Map<CorpusKind, Integer> seen = new EnumMap<>(CorpusKind.class);
    for (int i = 0; i < 5000; i++) {
      TextMix.Drawn d = mix.next(r);
      assertTrue(!hasHan(d.text()), d.text());
      assertTrue(d.text().length() <= 24 && !d.text().isBlank(), d.text());
      assertTrue(d.text().indexOf('\t') < 0 && d.text().indexOf('\n') < 0, "labels stay one TSV field");
      seen.merge(d.source(), 1, Integer::sum);
    }
    assertEquals(null, seen.get(CorpusKind.CHINESE));
    // weights 5 : 2 : ... : 0.2 of 9.4 - english about 53 %
    double english = seen.get(CorpusKind.ENGLISH) / 5000.0;
    assertTrue(english > 0.48 && english < 0.58, "english share " + english);
    assertTrue(seen.containsKey(CorpusKind.PLATES) && seen.containsKey(CorpusKind.PRICES));
  }

  @Test
  void chineseMixAlsoYieldsChinesePlates() throws Exception {
    TextMix mix = new TextMix(StyleConfig.defaults().withCorpus(Map.of("plates", 1.0, "chinese", 0.01)), corpora());
    SplittableRandom r = new SplittableRandom(3);
    int hanPlates = 0;
    for (int i = 0; i < 400; i++) {
      TextMix.Drawn d = mix.next(r);
      hanPlates += d.source() == CorpusKind.PLATES && hasHan(d.text()) ? 1 : 0;
    }
    assertTrue(hanPlates > 0);
  }

  @Test
  void generatorsMakeTheirShapes() {
    SplittableRandom r = new SplittableRandom(9);
    for (int i = 0; i < 200; i++) {
      assertTrue(Generators.date(r).matches(".*\\d.*"));
      assertTrue(Generators.price(r).matches(".*\\d+\\.\\d\\d.*"));
      assertTrue(Generators.code(r).matches("[A-Z0-9-]+"));
      String w = Generators.mixedCase("Window", r);
      assertEquals("window", w.toLowerCase());
    }
  }
}
