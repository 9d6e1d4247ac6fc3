package io.maskocr.engine.train;

import io.maskocr.engine.run.StandardStages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.data.Sample;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.TestModels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeMemoryTest {
  @Test
  void fiveHundredStepsLeaveNoArraysBehindInTheModelManager(@TempDir Path dir) throws Exception {
    ModelConfig c = TestModels.micro();
    List<Sample> data = GlyphData.samples(c, TrainingServiceTest.WORDS);
    Recipe base = TrainingServiceTest.recipe(c, 0, 500, 1e-3);
    StageConfig ft = base.stages().get(0);
    StageConfig small = new StageConfig("finetune", 500, 2, 1e-3, null, 5, null, null, null, null, ft.data());
    Recipe r = new Recipe("mem", "", 1L, base.model(), 60.0, 50, 100, List.of(small));
    TrainingService s = new TrainingService(r, "mem", dir, GlyphData.resolver(data), RunRecorder.none(),
        StandardStages.registry(), TrainingOptions.unlimited());
    Map<Long, Integer> live = new TreeMap<>();
    s.addListener(e -> {
      if (e instanceof TrainingEvent.Metrics m) {
        live.put(m.step(), s.liveNativeArrays());
      }
    });
    s.start();
    TrainingEvent end = s.awaitEnd(10, TimeUnit.MINUTES);
    assertInstanceOf(TrainingEvent.Finished.class, end, String.valueOf(end));
    List<Integer> counts = new ArrayList<>(live.values());
    assertEquals(10, counts.size(), "one sample per 50 steps: " + live);
    // Events are delivered asynchronously, so a sample may catch a step in flight: compare
    // the minimum of the first and last halves rather than single readings.
    int early = counts.subList(0, 5).stream().mapToInt(Integer::intValue).min().orElseThrow();
    int late = counts.subList(5, 10).stream().mapToInt(Integer::intValue).min().orElseThrow();
    assertTrue(early > 0, "the model holds its parameters: " + live);
    // A leak of even one array per step adds 250+ between the halves; a sample that catches a
    // step's last temporary in flight adds a handful, so allow that much.
    assertTrue(late <= early + 16, "native arrays grew from " + early + " to " + late + ": " + live);
  }
}
