package io.maskocr.test.learn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Saves scene snapshots as {@code docs/screenshots/<name>.png}. */
final class LearnScreens {
  private LearnScreens() {}

  static Path save(FxRobot robot, Scene scene, String name) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage[] shot = new WritableImage[1];
    robot.interact(() -> shot[0] = scene.snapshot(null));
    BufferedImage image = SwingFXUtils.fromFXImage(shot[0], null);
    Path out = Path.of(System.getProperty("maskocr.repo", "."), "docs", "screenshots", name + ".png");
    Files.createDirectories(out.getParent());
    ImageIO.write(image, "png", out.toFile());
    assertTrue(Files.size(out) > 5_000, "screenshot looks empty: " + out);
    return out;
  }
}
