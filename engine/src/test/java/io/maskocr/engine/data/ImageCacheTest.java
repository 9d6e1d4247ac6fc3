package io.maskocr.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageCacheTest {
  private static BufferedImage grey(int w, int h) {
    return new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
  }

  @Test
  void anImageWeighsItsPixelBytesPlusTheOverhead() {
    assertEquals(100 * 20 + ImageCache.ENTRY_OVERHEAD, ImageCache.weight(grey(100, 20)));
    assertEquals(4 * 100 * 20 + ImageCache.ENTRY_OVERHEAD,
        ImageCache.weight(new BufferedImage(100, 20, BufferedImage.TYPE_INT_RGB)));
  }

  @Test
  void theLeastRecentlyUsedImageGoesFirst() {
    long one = ImageCache.weight(grey(10, 10));
    ImageCache c = new ImageCache(2 * one);
    c.put(1, grey(10, 10));
    c.put(2, grey(10, 10));
    assertNotNull(c.get(1)); // 1 is now more recent than 2
    c.put(3, grey(10, 10));
    assertNull(c.get(2));
    assertNotNull(c.get(1));
    assertNotNull(c.get(3));
    ImageCache.Stats s = c.stats();
    assertEquals(2, s.entries());
    assertEquals(2 * one, s.bytes());
    assertEquals(1, s.evictions());
    assertEquals(3, s.hits());
    assertEquals(1, s.misses());
  }

  @Test
  void anImageLargerThanTheBudgetIsNotKept() {
    ImageCache c = new ImageCache(1000);
    c.put(1, grey(10, 10));
    c.put(2, grey(100, 100));
    assertNull(c.get(2));
    assertNotNull(c.get(1));
    assertEquals(0, new ImageCache(0).stats().bytes());
  }
}
