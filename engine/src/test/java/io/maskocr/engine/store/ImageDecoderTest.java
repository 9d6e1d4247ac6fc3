package io.maskocr.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageDecoderTest {
  private static final Path FILE = Path.of("images/ab/test");

  private static byte[] encode(int type, String format, int seed) throws IOException {
    BufferedImage img = new BufferedImage(37, 13, type);
    Graphics2D g = img.createGraphics();
    g.setColor(new Color(200, 180 - seed, 90));
    g.fillRect(0, 0, 37, 13);
    g.setColor(Color.BLACK);
    g.drawString("a" + seed, 2, 11);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, format, out);
    return out.toByteArray();
  }

  private static void assertSamePixels(BufferedImage want, BufferedImage got) {
    assertEquals(want.getType(), got.getType());
    assertArrayEquals(want.getRGB(0, 0, want.getWidth(), want.getHeight(), null, 0, want.getWidth()),
        got.getRGB(0, 0, got.getWidth(), got.getHeight(), null, 0, got.getWidth()));
  }

  @Test
  void decodesAsImageIoDoesWithTheReaderReused() throws Exception {
    for (int seed = 0; seed < 3; seed++) { // the second and third reuse the thread's readers
      for (byte[] bytes : new byte[][] {
          encode(BufferedImage.TYPE_BYTE_GRAY, "png", seed),
          encode(BufferedImage.TYPE_INT_RGB, "png", seed)}) {
        assertSamePixels(ImageIO.read(new ByteArrayInputStream(bytes)), ImageDecoder.decode(bytes, "png", FILE));
      }
      byte[] jpg = encode(BufferedImage.TYPE_INT_RGB, "jpg", seed);
      assertSamePixels(ImageIO.read(new ByteArrayInputStream(jpg)), ImageDecoder.decode(jpg, "jpg", FILE));
    }
  }

  @Test
  void aDamagedOrMislabelledFileDoesNotSpoilTheNextDecode() throws Exception {
    byte[] png = encode(BufferedImage.TYPE_BYTE_GRAY, "png", 1);
    ImageDecoder.decode(png, "png", FILE); // a reader is now kept for png
    byte[] cut = Arrays.copyOf(png, png.length / 2);
    assertThrows(IOException.class, () -> ImageDecoder.decode(cut, "png", FILE));
    assertThrows(IOException.class, () -> ImageDecoder.decode(new byte[] {1, 2, 3}, "png", FILE));
    // JPEG bytes stored under png: the kept PNG reader fails, a fresh probe reads them
    byte[] jpg = encode(BufferedImage.TYPE_INT_RGB, "jpg", 2);
    assertSamePixels(ImageIO.read(new ByteArrayInputStream(jpg)), ImageDecoder.decode(jpg, "png", FILE));
    assertSamePixels(ImageIO.read(new ByteArrayInputStream(png)), ImageDecoder.decode(png, "png", FILE));
  }
}
