package io.maskocr.test.experiments;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Screenshot and waiting helpers of the UI tests (experiments, learn). */
public final class Screens {
  private Screens() {}

  /** Saves {@code scene} as {@code docs/screenshots/<name>.png}. */
  public static Path save(FxRobot robot, Scene scene, String name) throws Exception {
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

  static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
  }

  /** Waits up to 4 minutes (training on shared cores); the message says what was seen on timeout. */
  static void waitLong(Callable<Boolean> condition, java.util.function.Supplier<String> seen) throws Exception {
    try {
      WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS, condition);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("timed out; " + seen.get(), e);
    }
  }

  /** The ARGB pixels of an image, for comparing two renderings. */
  static int[] argb(Image img) {
    int w = (int) img.getWidth();
    int h = (int) img.getHeight();
    int[] out = new int[w * h];
    img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), out, 0, w);
    return out;
  }
}
