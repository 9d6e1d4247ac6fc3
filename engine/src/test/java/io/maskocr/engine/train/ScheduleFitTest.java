package io.maskocr.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.data.Sample;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.TestModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --minutes M}: the schedule shrinks to end, annealed, inside the budget. */
class ScheduleFitTest {
  static Recipe mimThenFinetune() {
    List<StageConfig> stages = List.of(
        new StageConfig("mim", 300, 8, 5e-4, null, 30, null, null, null, null, List.of(GlyphData.spec())),
        new StageConfig("finetune", 4600, 8, 1.5e-3, null, 100, null, null, null, null, List.of(GlyphData.spec())));
    return new Recipe("fit", "", 1L, null, null, null, null, stages);
  }

  @Test
  void aTooLongScheduleShrinksKeepingItsShape() {
    Recipe r = mimThenFinetune();
    Recipe fitted = ScheduleFit.fit(r, 0, 10, 0.5, 1000);
    long affordable = (long) (1000 * (1 - ScheduleFit.RESERVE) / 0.5);
    assertEquals(10 + affordable, fitted.totalSteps(), 3, "fills the budget");
    for (int i = 0; i < 2; i++) {
      StageConfig before = r.stages().get(i);
      StageConfig after = fitted.stages().get(i);
      assertEquals((double) before.warmupSteps() / before.steps(), (double) after.warmupSteps() / after.steps(), 0.01,
          "stage " + i + " keeps its warm-up fraction");
      assertEquals((double) before.steps() / r.totalSteps(), (double) after.steps() / fitted.totalSteps(), 0.01,
          "stage " + i + " keeps its share of the schedule");
      assertEquals(after.minLr(), LearningRate.at(after.steps() - 1, after), 1e-12,
          "stage " + i + " ends at its minimum learning rate");
      assertEquals(after.lr(), LearningRate.at(after.warmupSteps(), after), 1e-12, "and peaks after its warm-up");
    }
  }

  @Test
  void aScheduleThatFitsIsNeverLengthened() {
    Recipe r = mimThenFinetune();
    assertSame(r, ScheduleFit.fit(r, 0, 10, 0.01, 100_000));
  }

  @Test
  void aFasterPaceGivesBackStepsUpToThePlan() {
    Recipe planned = mimThenFinetune();
    Recipe pessimistic = ScheduleFit.fit(planned, 0, 10, 2.0, 1000);
    assertTrue(pessimistic.totalSteps() < 600, "fitted down: " + pessimistic.totalSteps());
    Recipe faster = ScheduleFit.fit(ScheduleFit.withPlannedRest(pessimistic, planned, 0), 0, 40, 0.1, 900);
    assertTrue(faster.totalSteps() > 4 * pessimistic.totalSteps(), "given back: " + faster.totalSteps());
    Recipe fast = ScheduleFit.fit(ScheduleFit.withPlannedRest(pessimistic, planned, 0), 0, 40, 0.001, 900);
    assertEquals(planned.totalSteps(), fast.totalSteps(), "never more than planned");
  }

  @Test
  void laterStagesShrinkAloneOnceEarlierOnesAreDone() {
    Recipe r = mimThenFinetune();
    Recipe fitted = ScheduleFit.fit(r, 1, 50, 1.0, 1000);
    assertEquals(300, fitted.stages().get(0).steps(), "a finished stage is not touched");
    assertTrue(fitted.stages().get(1).steps() < 4600);
    assertEquals(fitted.stages().get(1).minLr(), LearningRate.at(fitted.stages().get(1).steps() - 1,
        fitted.stages().get(1)), 1e-12);
  }

  @Test
  void aStageFittedFarBelowItsPlanKeepsMeasuringItsPace() {
    SchedulePace pace = new SchedulePace(0, 1_000_000);
    List<Long> measuredAt = new ArrayList<>();
    for (long step = 1; step <= 300; step++) {
      if (pace.measured(step)) {
        measuredAt.add(step);
        pace.stageResized(1_000); // the refit after each measurement
      }
    }
    // first window 30 steps after the 3 skipped; then a tenth of the fitted 1,000, not of the plan
    assertEquals(List.of(33L, 133L, 233L), measuredAt);
  }

  @Test
  void aRunGivenMinutesFinishesItsShortenedScheduleAnnealed(@TempDir Path dir) throws Exception {
    ModelConfig c = TestModels.micro();
    List<Sample> data = GlyphData.samples(c, TrainingServiceTest.WORDS);
    Recipe huge = TrainingServiceTest.recipe(c, 0, 1_000_000, 1e-3);
    List<TrainingEvent> events = new ArrayList<>();
    TrainingEvent end = TrainingServiceTest.train(huge, dir, data, TrainingOptions.fittedTo(0.25), events);
    TrainingEvent.Finished f = assertInstanceOf(TrainingEvent.Finished.class, end, String.valueOf(end));
    assertTrue(f.completed(), "the fitted schedule ran to its end: " + f);
    assertTrue(f.step() < 1_000_000 && f.step() > 10, "steps done: " + f.step());
    CheckpointInfo info = Checkpoints.readInfo(Checkpoints.resolve(dir));
    assertEquals(f.step(), info.recipe().totalSteps(), "the checkpoint keeps the fitted recipe");
    Path schedule = dir.resolve(ScheduleRecord.FILE);
    assertTrue(Files.isRegularFile(schedule), "planned and fitted steps are recorded");
    Map<?, ?> json = Recipes.json().readValue(schedule.toFile(), Map.class);
    assertEquals(1_000_000, ((Number) json.get("plannedSteps")).intValue());
    assertEquals(f.step(), ((Number) json.get("fittedSteps")).longValue());
    assertTrue(f.elapsedSeconds() < 0.25 * 60 * 1.2, "ended near the budget: " + f.elapsedSeconds() + " s");
  }
}
