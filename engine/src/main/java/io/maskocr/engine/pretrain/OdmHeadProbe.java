package io.maskocr.engine.pretrain;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.maskocr.engine.model.GradMode;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.model.NamedParameter;
import io.maskocr.engine.train.AdamW;
import io.maskocr.engine.train.Checkpoints;
import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.HostBatch;
import io.maskocr.engine.train.StageConfig;
import io.maskocr.engine.train.StageContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * ODM's view of a saved checkpoint. Checkpoints keep the model, not ODM's light pixel head (it is
 * dropped after pre-training), so this fits a fresh head for a few steps on the checkpoint's
 * <em>frozen</em> encoder and then shows input | predicted clean image | target for one
 * synthetic word. What it shows is how much of the clean glyph shapes the encoder's features
 * carry: an encoder after an {@code odm} stage should give a sharper prediction than one that
 * never saw it, for the same number of head steps.
 */
public final class OdmHeadProbe {
  private OdmHeadProbe() {}

  /**
   * Loads {@code checkpoint} (a run or checkpoint folder), fits a pixel head for {@code headSteps}
   * steps of {@code batchSize} synthetic words (encoder frozen, bit-identical) and probes the
   * word of index {@code seed}. Runs on the calling thread (seconds for a small model).
   */
  public static OdmProbe.Result run(Path checkpoint, int headSteps, int batchSize, long seed) throws IOException {
    try (MaskOcrModel m = Checkpoints.loadModel(Checkpoints.resolve(checkpoint), null)) {
      StageConfig sc = new StageConfig("odm", Math.max(1, headSteps), batchSize, 3e-3, null, 1, 0.0, 1.0, null, null,
          List.of(DataSpec.synthetic()));
      StageContext ctx = new StageContext(m.config(), m.charset(), (spec, c, s) -> {
        throw new IllegalStateException("the ODM probe reads only the synthetic stream");
      }, seed);
      OdmStage stage = new OdmStage(sc, ctx);
      List<NamedParameter> head = stage.auxiliaryParameters(m);
      for (NamedParameter p : m.parameters()) {
        p.parameter().freeze(true);
      }
      ParameterStore ps = m.newParameterStore();
      try (AdamW opt = new AdamW(head, 0.0, m.manager())) {
        for (long step = 0; step < headSteps; step++) {
          HostBatch batch = stage.prepare(step);
          try (NDScope scope = new NDScope(); NDManager mgr = m.manager().newSubManager()) {
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
              gc.backward(stage.forward(m, ps, mgr, batch).loss());
            }
            opt.step(3e-3, 1.0);
          } finally {
            GradMode.disableOnThisThread();
          }
        }
      }
      GradMode.disableOnThisThread();
      OdmStage.OdmBatch shown = (OdmStage.OdmBatch) stage.prepare(headSteps + seed);
      try (NDScope scope = new NDScope(); NDManager mgr = m.manager().newSubManager()) {
        return stage.probe(m, ps, mgr, shown);
      }
    }
  }
}
