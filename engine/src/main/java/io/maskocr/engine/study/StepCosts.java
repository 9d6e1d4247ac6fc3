package io.maskocr.engine.study;

import io.maskocr.engine.run.StandardStages;
import io.maskocr.engine.train.DataResolver;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.RunRecorder;
import io.maskocr.engine.train.StageConfig;
import io.maskocr.engine.train.StageRegistry;
import io.maskocr.engine.train.TrainingEvent;
import io.maskocr.engine.train.TrainingOptions;
import io.maskocr.engine.train.TrainingService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Measured seconds per optimizer step of each stage type on this machine, and the recipe
 * scaling that fits a time budget with them.
 */
final class StepCosts {
  private final Map<String, Double> secondsPerStep;

  private StepCosts(Map<String, Double> secondsPerStep) {
    this.secondsPerStep = secondsPerStep;
  }

  /**
   * Trains every stage type the recipes use for {@code steps} steps (in a temporary folder) and
   * times the second half of them (set-up such as caches and warm-up is excluded).
   */
  static StepCosts measure(List<Recipe> recipes, DataResolver resolver, LowLabelStudy.Listener listener, int steps)
      throws IOException, InterruptedException {
    Map<String, Double> out = new LinkedHashMap<>();
    for (Recipe r : recipes) {
      for (StageConfig s : r.stages()) {
        if (out.containsKey(s.type())) {
          continue;
        }
        Recipe probe = new Recipe("calibrate-" + s.type(), "", r.seed(), r.model(), 600.0, 1, 1_000_000,
            List.of(s.withSteps(steps)));
        Path dir = Files.createTempDirectory("maskocr-calibrate-");
        try {
          List<TrainingEvent.Metrics> m = new CopyOnWriteArrayList<>();
          TrainingService svc = new TrainingService(probe, "calibrate", dir, resolver, RunRecorder.none(),
              StandardStages.registry(), TrainingOptions.unlimited());
          svc.addListener(e -> {
            if (e instanceof TrainingEvent.Metrics x) {
              m.add(x);
            }
            listener.event(e);
          });
          svc.start();
          TrainingEvent end = svc.awaitEnd(30, TimeUnit.MINUTES);
          if (!(end instanceof TrainingEvent.Finished) || m.size() < 3) {
            throw new IllegalStateException("could not time stage " + s.type() + " of recipe " + r.name() + ": "
                + (end instanceof TrainingEvent.Failed f ? f.reason() : "no metrics"));
          }
          // the first steps pay for JIT, native warm-up and prefetch start: time the second half
          TrainingEvent.Metrics first = m.get(m.size() / 2 - 1);
          TrainingEvent.Metrics last = m.get(m.size() - 1);
          double sps = (last.elapsedSeconds() - first.elapsedSeconds()) / (last.step() - first.step());
          out.put(s.type(), sps);
          listener.message(String.format("stage %s: %.3f s per step (batch %d)", s.type(), sps, s.batchSize()));
        } finally {
          deleteTree(dir);
        }
      }
    }
    return new StepCosts(out);
  }

  /** Known costs (tests, or costs measured earlier). */
  static StepCosts of(Map<String, Double> secondsPerStep) {
    return new StepCosts(new LinkedHashMap<>(secondsPerStep));
  }

  /** The measured costs, by stage type. */
  Map<String, Double> secondsPerStep() {
    return Map.copyOf(secondsPerStep);
  }

  /** {@code r} with every stage scaled by one factor so its estimated time is {@code seconds}. */
  Recipe fit(Recipe r, double seconds) {
    double estimate = 0;
    for (StageConfig s : r.stages()) {
      estimate += s.steps() * secondsPerStep.get(s.type());
    }
    double factor = seconds / estimate;
    List<StageConfig> scaled = new ArrayList<>();
    for (StageConfig s : r.stages()) {
      StageConfig f = s.withSteps((int) Math.max(1, Math.round(s.steps() * factor)));
      // a short budget must not shrink the warm-up to a step or two: keep at least 10%
      int warm = Math.max(f.warmupSteps(), (int) Math.ceil(0.1 * f.steps()));
      scaled.add(new StageConfig(f.type(), f.steps(), f.batchSize(), f.lr(), f.minLr(), Math.min(warm, f.steps()),
          f.weightDecay(), f.clipNorm(), f.labelSmoothing(), f.mask(), f.data(), f.params()));
    }
    return new Recipe(r.name(), r.description(), r.seed(), r.model(), r.checkpointMinutes(), r.logEvery(),
        r.snapshotEvery(), scaled);
  }

  private static void deleteTree(Path p) throws IOException {
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }
}
