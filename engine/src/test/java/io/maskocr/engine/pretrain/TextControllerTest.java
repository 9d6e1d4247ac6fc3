package io.maskocr.engine.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TextControllerTest {

  @ParameterizedTest
  @CsvSource({"0.1, 0.3, 0.5", "0.2, 0.2, 0.0", "0.0, 0.5, 1.0", "0.1, 0.3, 0.25"})
  void affectedAndNoisedSharesMatchTheConfig(double min, double max, double noise) {
    TextController c = new TextController(min, max, noise);
    SplittableRandom r = new SplittableRandom(3);
    long chars = 0;
    long dropped = 0;
    long noised = 0;
    for (int i = 0; i < 20000; i++) {
      int len = 1 + r.nextInt(12);
      for (TextController.Action a : c.choose(len, r)) {
        chars++;
        dropped += a == TextController.Action.DROP ? 1 : 0;
        noised += a == TextController.Action.NOISE ? 1 : 0;
      }
    }
    double affected = (double) (dropped + noised) / chars;
    assertEquals((min + max) / 2, affected, 0.01, "share of affected characters");
    if (dropped + noised > 0) {
      assertEquals(noise, (double) noised / (dropped + noised), 0.02, "share noised among affected");
    }
  }

  @Test
  void badRatesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new TextController(0.4, 0.3, 0.5));
    assertThrows(IllegalArgumentException.class, () -> new TextController(0.1, 0.3, 1.5));
  }
}
