package io.maskocr.app.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.maskocr.engine.annotate.FinetuneOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The line the Annotate section shows after "Fine-tune on corrections": both figures, and what is kept. */
class FinetuneSummaryTest {
  @Test
  void aBetterRoundSwitchesTheQueue() {
    FinetuneOutcome o = new FinetuneOutcome(5, "5@150", "5@150", 120, List.of("synthetic words (samples/render/clean.json)"),
        1.5e-4, 40, 0.5, 0.575, null, false);
    assertEquals("Val accuracy 50.0% → 57.5% (40 val images): the queue now uses 5@150 · run 5 trained on 120"
        + " labelled images mixed half and half with synthetic words (samples/render/clean.json) at lr 1.5e-04", ModelActions.summary(o));
  }

  @Test
  void aWorseRoundSaysSoAndKeepsTheBase() {
    FinetuneOutcome o = new FinetuneOutcome(6, "6@60", "1@2000", 1100, List.of(), 3e-4, 300, 0.983, 0.96, null, false);
    assertEquals("Val accuracy 98.3% → 96.0% (300 val images): worse, so the queue stays on 1@2000 (run 6 is kept"
        + " in Experiments) · run 6 trained on 1100 labelled images at lr 3.0e-04", ModelActions.summary(o));
  }
}
