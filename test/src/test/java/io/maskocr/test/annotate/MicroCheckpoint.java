package io.maskocr.test.annotate;

import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.store.NewRun;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.Checkpoints;
import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.ModelSpec;
import io.maskocr.engine.train.Recipe;
import io.maskocr.engine.train.StageConfig;
import java.util.List;
import java.util.Map;

/** An untrained micro model saved as a workspace run's checkpoint (reads nonsense, fast). */
final class MicroCheckpoint {
  private MicroCheckpoint() {}

  static final ModelSpec MICRO = new ModelSpec("tiny", Map.ofEntries(
      Map.entry("imageWidth", 64), Map.entry("width", 32), Map.entry("depth", 1), Map.entry("heads", 2),
      Map.entry("decoderDepth", 1), Map.entry("decoderHeads", 2), Map.entry("mimWidth", 16),
      Map.entry("mimDepth", 1), Map.entry("mimHeads", 2), Map.entry("maxLength", 10),
      Map.entry("charset", "latin36")));

  /** Saves the checkpoint; returns its key {@code runId@1}. */
  static String create(Workspace ws) throws Exception {
    StageConfig stage = new StageConfig("finetune", 1, 8, 1e-3, null, 1, null, null, null, null,
        List.of(DataSpec.split("*", "train")));
    Recipe recipe = new Recipe("micro", "", 1L, MICRO, 60.0, 1, 100, List.of(stage));
    long runId = ws.runs().create(new NewRun("micro", "{}", 1, "{}", "test", "test", List.of(), "")).id();
    try (MaskOcrModel m = MaskOcrModel.create(MICRO.resolve(), CharacterSet.latin36())) {
      Checkpoints.save(ws.runs().dir(runId), Checkpoints.info(Long.toString(runId), 1, 1, 0, m, recipe), m, null);
    }
    return runId + "@1";
  }
}
