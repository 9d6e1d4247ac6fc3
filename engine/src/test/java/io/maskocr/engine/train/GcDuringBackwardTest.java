package io.maskocr.engine.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.GradMode;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.TestModels;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Regression: DJL wraps Java numbers and arrays in JVM-owned buffers; when such a tensor is
 * saved by autograd and the JVM frees the buffer, backward reads garbage (gradient norms of
 * 1e9..inf). A forced GC between forward and backward used to show it every few steps.
 */
class GcDuringBackwardTest {
  @Test
  void gradientsStayFiniteWhenTheGcRunsBetweenForwardAndBackward() {
    GradMode.disableOnThisThread();
    ModelConfig c = TestModels.micro();
    var data = GlyphData.samples(c, TrainingServiceTest.WORDS);
    StageConfig sc = new StageConfig("mim", 100, 8, 1e-3, null, 2, null, null, null, new MaskSpec("random", 0.5), List.of(GlyphData.spec()));
    try (MaskOcrModel m = MaskOcrModel.create(c, CharacterSet.latin36())) {
      MimStage st = new MimStage(sc, new StageContext(c, m.charset(), GlyphData.resolver(data), 1));
      ParameterStore ps = m.newParameterStore();
      int bad = 0;
      try (AdamW opt = new AdamW(m.parameters(st.trainableParts()), 0.05, m.manager())) {
        for (int step = 0; step < 20; step++) {
          HostBatch b = st.prepare(step);
          try (NDScope scope = new NDScope(); NDManager mgr = m.manager().newSubManager()) {
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
              StepOutput out = st.forward(m, ps, mgr, b);
              float loss = out.loss().getFloat();
              byte[][] junk = new byte[50][];
              for (int i = 0; i < junk.length; i++) {
                junk[i] = new byte[1 << 16];
              }
              System.gc();
              gc.backward(out.loss());
            }
            double norm = opt.step(1e-3, 1.0);
            if (!Double.isFinite(norm) || norm > 1e3) {
              bad++;
            }
          } finally {
            GradMode.disableOnThisThread();
          }
        }
      }
      org.junit.jupiter.api.Assertions.assertEquals(0, bad, "steps with garbage gradients");
    }
  }
}
