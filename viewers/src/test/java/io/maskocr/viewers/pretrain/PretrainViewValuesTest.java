package io.maskocr.viewers.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.pretrain.MilmProbe;
import io.maskocr.engine.pretrain.OdmProbe;
import java.util.List;
import org.junit.jupiter.api.Test;

class PretrainViewValuesTest {

  @Test
  void milmChipsMarkHiddenCharactersAndJudgeTheGuesses() {
    MilmProbe.Result r = new MilmProbe.Result(1, 2, 4, new float[8], new boolean[] {false, true}, 2, "ab", "ax",
        List.of(
            new MilmProbe.Position("a", false, new String[] {"a", "o", "e"}, new float[] {0.9f, 0.05f, 0.01f}),
            new MilmProbe.Position("b", true, new String[] {"x", "b", "h"}, new float[] {0.5f, 0.4f, 0.05f}),
            new MilmProbe.Position("", false, new String[] {"", "s", "t"}, new float[] {0.8f, 0.1f, 0.05f})));
    List<MilmChip> chips = MilmChip.of(r);
    assertEquals(3, chips.size());
    assertTrue(chips.get(0).correct());
    assertTrue(chips.get(1).hidden());
    assertFalse(chips.get(1).correct());
    assertEquals("x 50%, b 40%, h 5%", chips.get(1).alternatives());
    assertEquals("\u23CE", chips.get(2).truth());
    assertTrue(chips.get(2).correct());
    assertEquals(0.0, MilmChip.hiddenAccuracy(chips), 1e-9);
  }

  @Test
  void odmInkIouComparesPredictionAndTarget() {
    float[] target = {1, 1, 0, 0};
    float[] predicted = {0.9f, 0.2f, 0.7f, 0.1f};
    OdmProbe.Result r = new OdmProbe.Result(1, 1, 4, new float[4], predicted, target, "ab", "a_");
    assertEquals(1f / 3f, r.inkIou(), 1e-6);
  }
}
