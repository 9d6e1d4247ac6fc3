package io.maskocr.engine.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.model.ModelConfig;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class GlyphFeatureEmbedderTest {

  @Test
  void embeddingsAreDeterministicAndDependOnTheText() {
    ModelConfig c = PretrainFixtures.micro();
    Engine.getInstance().setRandomSeed(5);
    try (MaskOcrModel m = MaskOcrModel.create(c, CharacterSet.latin36())) {
      GlyphFeatureEmbedder a = GlyphFeatureEmbedder.compute(m, new SyntheticText(c, m.charset(), 0, SyntheticText.plainStyle()));
      GlyphFeatureEmbedder b = GlyphFeatureEmbedder.compute(m, new SyntheticText(c, m.charset(), 0, SyntheticText.plainStyle()));
      assertTrue(a.sameAs(b), "two computations of the glyph cache differ");
      float[] x = a.embed("ab1");
      assertEquals(c.patchCount() * c.width(), x.length);
      assertArrayEquals(x, a.embed("ab1"));
      assertArrayEquals(x, b.embed("ab1"));
      assertFalse(Arrays.equals(x, a.embed("ab2")), "different texts must give different sequences");
      float[] picture = a.preview("ab1");
      assertEquals(c.pixelCount(), picture.length);
      assertTrue(count(picture, -1f) > 0, "preview shows no ink");
    }
  }

  @Test
  void everyCharacterKeepsAColumnEvenWhenTheTextIsSqueezed() {
    ModelConfig c = PretrainFixtures.micro();
    try (MaskOcrModel m = MaskOcrModel.create(c, CharacterSet.latin36())) {
      GlyphFeatureEmbedder e = GlyphFeatureEmbedder.compute(m, new SyntheticText(c, m.charset(), 0, SyntheticText.plainStyle()));
      float[][] spans = e.layout(new int[] {0, 1, 2, 3, 4, 5});
      for (int i = 0; i < spans.length; i++) {
        assertTrue(spans[i][0] >= 0 && spans[i][1] <= c.imageWidth() + 1e-3, "span " + i + " leaves the image");
        assertTrue(i == 0 || spans[i][0] >= spans[i - 1][1], "spans overlap");
      }
    }
  }

  private static int count(float[] v, float value) {
    int n = 0;
    for (float f : v) {
      n += f == value ? 1 : 0;
    }
    return n;
  }
}
