package io.maskocr.app.ui.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The walk-through's words come from learn-steps.properties: one complete group per step, none stray. */
class LearnStepsTest {
  @Test
  void everyStepHasItsFourTextsAndTheFileHasNoOtherKeys() {
    assertEquals(8, LearnSteps.COUNT);
    Set<String> expected = new HashSet<>();
    for (String key : LearnSteps.KEYS) {
      StepInfo info = LearnSteps.info(key);
      assertTrue(info.explanation().split("\\. ").length >= 2, key + ": a few plain sentences");
      assertTrue(info.url().startsWith("https://"), key + ": " + info.url());
      assertTrue(!info.title().isBlank() && !info.paper().isBlank(), key);
      for (String field : new String[] {"title", "explanation", "paper", "url"}) {
        expected.add(key + "." + field);
      }
    }
    assertEquals(expected, LearnSteps.wordKeys(), "keys of " + LearnSteps.WORDS + " must belong to the steps");
    assertTrue(LearnSteps.info("patches").explanation().contains("into small pieces"),
        "continued lines join with one space");
  }
}
