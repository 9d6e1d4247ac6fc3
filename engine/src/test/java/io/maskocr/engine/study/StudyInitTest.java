package io.maskocr.engine.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.Recipes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code study lowlabel --init}: each init is a row of its own, named after it. */
class StudyInitTest {
  @Test
  void eachInitIsARowWithItsOwnName() {
    Recipe cpu = Recipes.load("maskocr-cpu");
    assertEquals("starter", cpu.init(), "the built-in fine-tuning recipe starts from the starter");
    assertSame(cpu, StudyConfig.fromInit(cpu, StudyConfig.RECIPE_INIT));
    Recipe random = StudyConfig.fromInit(cpu, StudyConfig.RANDOM_INIT);
    assertNull(random.init());
    assertEquals("maskocr-cpu from random", random.name());
    assertEquals(cpu.stages(), random.stages(), "the same fine-tuning, only the start differs");
    assertEquals("7", StudyConfig.fromInit(cpu, "7").init());
  }

  @Test
  void theDefaultKeepsEachRecipesInit() {
    StudyConfig c = new StudyConfig("d", List.of(0.1), List.of("scratch"), 0, 1, null, Map.of("*", 10L), null);
    assertEquals(List.of(StudyConfig.RECIPE_INIT), c.inits());
    StudyConfig two = new StudyConfig("d", List.of(0.1), List.of("scratch"), 0, 1, null, Map.of("*", 10L),
        List.of("random", " starter", "random"));
    assertEquals(List.of("random", "starter"), two.inits());
  }
}
