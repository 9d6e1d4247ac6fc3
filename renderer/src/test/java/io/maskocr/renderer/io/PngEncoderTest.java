package io.maskocr.renderer.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngEncoderTest {
  @Test
  void imageIoDecodesExactlyWhatWasEncoded() throws Exception {
    SplittableRandom r = new SplittableRandom(1);
    BufferedImage rgb = new BufferedImage(37, 11, BufferedImage.TYPE_INT_RGB);
    BufferedImage grey = new BufferedImage(37, 11, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < 11; y++) {
      for (int x = 0; x < 37; x++) {
        rgb.setRGB(x, y, r.nextInt(1 << 24));
        grey.getRaster().setSample(x, y, 0, r.nextInt(256));
      }
    }
    BufferedImage a = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(rgb)));
    BufferedImage b = ImageIO.read(new ByteArrayInputStream(PngEncoder.encode(grey)));
    for (int y = 0; y < 11; y++) {
      for (int x = 0; x < 37; x++) {
        assertEquals(rgb.getRGB(x, y) & 0xffffff, a.getRGB(x, y) & 0xffffff);
        assertEquals(grey.getRaster().getSample(x, y, 0), b.getRaster().getSample(x, y, 0));
      }
    }
  }
}
