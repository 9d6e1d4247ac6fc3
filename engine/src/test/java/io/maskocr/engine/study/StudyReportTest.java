package io.maskocr.engine.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.ModelSpec;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.StageConfig;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyReportTest {
  static final DataSpec DATA = new DataSpec("split", "*", "train", null, null, null, null);

  static StudyReport report() {
    StudyConfig c = new StudyConfig("words", List.of(1.0, 0.1), List.of("scratch", "odm"), 2, 42, null);
    return new StudyReport(c, "test machine", 2, "maskocr study lowlabel --dataset words", "t0", "t1",
        Map.of("finetune", 0.5, "odm", 0.25), 100, 40, List.of(
            new StudyRow("scratch", 0.1, 10, 1, List.of("finetune 200"), 110, true, 0.05, 0.04, 0.3, 40, null),
            new StudyRow("odm", 0.1, 10, 2, List.of("odm 100", "finetune 150"), 118, false, 0.10, 0.08, 0.4, 40, null),
            new StudyRow("scratch", 1.0, 100, 3, List.of("finetune 200"), 112, true, 0.5, 0.45, 0.8, 40, null),
            new StudyRow("odm", 1.0, 100, 4, List.of(), 3, false, Double.NaN, Double.NaN, Double.NaN, 0, "boom")));
  }

  @Test
  void writesMarkdownCsvAndAPlot(@TempDir Path dir) throws Exception {
    Path md = StudyReportWriter.write(report(), dir);
    String text = Files.readString(md);
    assertTrue(text.contains("| recipe | 10% labels | 100% labels |"), text);
    assertTrue(text.contains("| scratch | 5% | 50% |"), text);
    assertTrue(text.contains("| odm | 10%* | failed |"), text);
    assertTrue(text.contains("test machine") && text.contains("2 min"), text);
    assertTrue(text.contains("- Engine threads: 2 (intra-op"), text);
    assertTrue(text.contains("- Command: `maskocr study lowlabel --dataset words`"), text);
    List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
    assertEquals(5, csv.size());
    assertTrue(csv.get(2).startsWith("odm,0.1,10,2,\"odm 100; finetune 150\",118,false,0.1,0.08,0.4,40,"), csv.get(2));
    BufferedImage png = ImageIO.read(dir.resolve("accuracy.png").toFile());
    assertNotNull(png);
    assertEquals(760, png.getWidth());
  }

  @Test
  void fittingKeepsStageProportionsAndTheBudget() {
    Recipe r = new Recipe("odm", "", 1L, new ModelSpec(null, null), null, null, null, List.of(
        new StageConfig("odm", 1000, 64, null, null, null, null, null, null, null, List.of(DATA)),
        new StageConfig("finetune", 3000, 64, null, null, null, null, null, null, null, List.of(DATA))));
    Recipe fitted = StepCosts.of(Map.of("odm", 0.2, "finetune", 0.4)).fit(r, 140);
    int odm = fitted.stages().get(0).steps();
    int ft = fitted.stages().get(1).steps();
    assertEquals(100, odm);
    assertEquals(300, ft);
    assertEquals(140, odm * 0.2 + ft * 0.4, 1e-9);
  }

  @Test
  void labelledSubsetsAreNestedAndNeverEmpty() {
    assertEquals(1, LowLabelStudy.subsetSize(1600, 0.0001));
    assertEquals(16, LowLabelStudy.subsetSize(1600, 0.01));
    assertEquals(160, LowLabelStudy.subsetSize(1600, 0.1));
    assertEquals(1600, LowLabelStudy.subsetSize(1600, 1));
  }

  @Test
  void aStepBudgetGivesEachRecipeItsStepsAndTheReportSaysSo(@TempDir Path dir) throws Exception {
    StudyConfig c = new StudyConfig("words", List.of(1.0), List.of("scratch", "maskocr", "odm"), 0, 42, null,
        StudyConfig.parseSteps("2000,maskocr=2600"));
    assertTrue(c.stepBudget());
    assertEquals(2000, c.stepsOf("scratch"));
    assertEquals(2600, c.stepsOf("maskocr"));
    assertEquals("steps per run: scratch 2000, maskocr 2600, odm 2000 (each recipe's stages scaled in proportion); "
        + "no time cap", c.budget());
    StudyConfig capped = new StudyConfig("words", List.of(1.0), List.of("scratch"), 30, 42, null,
        StudyConfig.parseSteps("scratch=500"));
    assertTrue(capped.budget().endsWith("time cap 30 min per run"), capped.budget());
    StudyReport r = new StudyReport(c, "test machine", 2, "maskocr study lowlabel --steps 2000,maskocr=2600", "t0",
        "t1", Map.of(), 100, 40, List.of(
            new StudyRow("scratch", 1.0, 100, 1, List.of("finetune 2000"), 300, true, 0.5, 0.45, 0.8, 40, null)));
    String text = Files.readString(StudyReportWriter.write(r, dir));
    assertTrue(text.contains("- Budget: steps per run: scratch 2000, maskocr 2600, odm 2000"), text);
    assertTrue(text.contains("not measured (step budget"), text);
  }

  @Test
  void badOptionsAreRefusedWithTheirName() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new StudyConfig("d", List.of(0.5),
        List.of("scratch", "odm"), 0, 1, null, StudyConfig.parseSteps("scratch=100"))).getMessage()
        .contains("no budget for recipe odm"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new StudyConfig("d", List.of(0.5),
        List.of("scratch"), 0, 1, null, StudyConfig.parseSteps("dptr=100"))).getMessage().contains("'dptr'"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> StudyConfig.parseSteps("scratch=lots"))
        .getMessage().contains("'scratch=lots'"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new StudyConfig("d", List.of(0.0), List.of("scratch"), 1, 1, null)).getMessage().contains("--fractions"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new StudyConfig("d", List.of(0.5), List.of("scratch"), 0, 1, null)).getMessage().contains("--minutes M"));
  }
}
