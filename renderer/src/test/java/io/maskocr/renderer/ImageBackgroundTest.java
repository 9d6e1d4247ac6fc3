package io.maskocr.renderer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.renderer.config.StyleConfig;
import io.maskocr.renderer.config.StyleConfigIO;
import java.awt.image.BufferedImage;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crops of the user's images as backgrounds, configured by a folder relative to the config file. */
class ImageBackgroundTest {
  @Test
  void rendersOnCropsOfUserImages(@TempDir Path dir) throws Exception {
    Path images = Files.createDirectories(dir.resolve("bg"));
    BufferedImage stripes = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 200; y++) {
      for (int x = 0; x < 300; x++) {
        stripes.setRGB(x, y, ((x / 10) % 2 == 0) ? 0x208040 : 0x80C0F0);
      }
    }
    ImageIO.write(stripes, "png", images.resolve("stripes.png").toFile());
    Path config = dir.resolve("style.json");
    Files.writeString(config, "{\"background\": {\"image\": 1}, \"backgroundImages\": \"bg\"}");
    StyleConfig c = StyleConfigIO.read(config);
    assertEquals(images.toString(), c.backgroundImages());
    SampleRenderer r = new SampleRenderer(c, TestAssets.get(), 128, 32, 1);
    RenderedSample s = r.render(0);
    assertEquals("image", s.style().background());
    int distinct = (int) java.util.stream.IntStream.range(0, 128)
        .map(x -> s.image().getRGB(x, 0) & 0xffffff).distinct().count();
    assertTrue(distinct > 2, "the crop shows the stripes");
  }

  @Test
  void missingImageFolderIsReported(@TempDir Path dir) {
    StyleConfig c = StyleConfig.defaults().withBackground(java.util.Map.of("image", 1.0), dir.resolve("nope").toString());
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> new SampleRenderer(c, TestAssets.get(), 128, 32, 1));
    assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("does not exist"), e.getMessage());
  }
}
