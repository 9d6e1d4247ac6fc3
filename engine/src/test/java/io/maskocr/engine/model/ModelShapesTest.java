package io.maskocr.engine.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ModelShapesTest {

  @Test
  void recognitionAndReconstructionHaveDocumentedShapes() {
    ModelConfig c = TestModels.micro();
    CharacterSet cs = CharacterSet.latin36();
    try (MaskOcrModel m = MaskOcrModel.create(c, cs); NDManager s = m.manager().newSubManager()) {
      ParameterStore ps = m.newParameterStore();
      int n = c.patchCount();
      NDArray patches = s.randomNormal(new Shape(3, n, c.patchSize()));
      NDList out = m.recognize(ps, patches, false);
      assertEquals(new Shape(3, c.queryCount(), cs.vocabularySize()), out.get(0).getShape());
      assertEquals(new Shape(3, c.queryCount(), n), out.get(1).getShape());
      float[] rows = out.get(1).sum(new int[] {2}).toFloatArray();
      for (float r : rows) {
        assertEquals(1f, r, 1e-4, "attention rows sum to 1");
      }
      int nv = n - 3;
      NDArray visible = s.randomNormal(new Shape(3, nv, c.patchSize()));
      float[] sel = new float[3 * nv * n];
      float[] mask = new float[3 * n];
      for (int b = 0; b < 3; b++) {
        for (int i = 0; i < nv; i++) {
          sel[(b * nv + i) * n + i + 3] = 1f;
        }
        for (int i = 0; i < 3; i++) {
          mask[b * n + i] = 1f;
        }
      }
      NDArray rec = m.reconstruct(ps, visible, s.create(sel, new Shape(3, nv, n)), s.create(mask, new Shape(3, n, 1)), false);
      assertEquals(new Shape(3, n, c.patchSize()), rec.getShape());
    }
  }

  @Test
  void everyParameterGetsAFiniteGradient() {
    ModelConfig c = TestModels.micro();
    try (MaskOcrModel m = MaskOcrModel.create(c, CharacterSet.latin36());
        NDManager s = m.manager().newSubManager()) {
      ParameterStore ps = m.newParameterStore();
      int n = c.patchCount();
      int nv = n / 2;
      float[] sel = new float[2 * nv * n];
      float[] mask = new float[2 * n];
      for (int b = 0; b < 2; b++) {
        for (int i = 0; i < nv; i++) {
          sel[(b * nv + i) * n + 2 * i] = 1f;
          mask[b * n + 2 * i + 1] = 1f;
        }
      }
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray logits = m.recognize(ps, s.randomNormal(new Shape(2, n, c.patchSize())), true).get(0);
        NDArray rec = m.reconstruct(ps, s.randomNormal(new Shape(2, nv, c.patchSize())),
            s.create(sel, new Shape(2, nv, n)), s.create(mask, new Shape(2, n, 1)), true);
        NDArray ctc = m.ctcLogits(ps, m.encode(ps, s.randomNormal(new Shape(2, n, c.patchSize())), true), true);
        gc.backward(logits.logSoftmax(-1).mean().neg().add(rec.square().mean())
            .add(ctc.logSoftmax(-1).mean().neg()));
      }
      for (NamedParameter p : m.parameters()) {
        NDArray g = p.parameter().getArray().getGradient();
        float[] v = g.toFloatArray();
        boolean nonZero = false;
        for (float x : v) {
          assertFalse(Float.isNaN(x) || Float.isInfinite(x), p.name() + " has a non-finite gradient");
          nonZero |= x != 0f;
        }
        assertTrue(nonZero, p.name() + " got no gradient");
        g.close();
      }
    }
  }

  @Test
  void tinyPresetHasTwoToFourMillionParameters() {
    try (MaskOcrModel m = MaskOcrModel.create(ModelPresets.get("tiny"), CharacterSet.latin94())) {
      long all = m.parameterCount(EnumSet.allOf(ModelPart.class));
      assertTrue(all > 2_000_000 && all < 4_000_000, "tiny has " + all + " parameters");
    }
  }

  @Test
  void badShapesAreRejectedWithTheNumbers() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> MultiHeadAttention.builder().setDim(100).setHeads(3).build());
    assertTrue(e.getMessage().contains("100") && e.getMessage().contains("3"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class,
        () -> ModelPresets.get("tiny", java.util.Map.of("patchWidth", 5)));
    assertTrue(e.getMessage().contains("5"), e.getMessage());
  }

  @Test
  void patchifyRoundTrips() {
    ModelConfig c = TestModels.micro();
    Patches p = new Patches(c);
    float[] img = new float[c.pixelCount()];
    Random r = new Random(1);
    for (int i = 0; i < img.length; i++) {
      img[i] = r.nextFloat();
    }
    float[] patches = p.patchify(img);
    // first patch is the leftmost 4-pixel strip of every row
    assertEquals(img[c.imageWidth()], patches[4]);
    assertArrayEquals(img, p.unpatchify(patches));
    assertNotNull(p.normalizeEachPatch(patches));
  }
}
