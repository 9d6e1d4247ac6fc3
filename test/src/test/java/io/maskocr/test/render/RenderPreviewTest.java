package io.maskocr.test.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.render.RenderSection;
import io.maskocr.renderer.RenderedSample;
import io.maskocr.renderer.RendererAssets;
import io.maskocr.viewers.render.PreviewCell;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Render section: sliders change the live preview; samples can be added to a dataset. */
@ExtendWith(ApplicationExtension.class)
class RenderPreviewTest {
  private static RendererAssets assets;
  private static ExecutorService executor;
  private final List<RenderedSample> stored = new CopyOnWriteArrayList<>();
  private RenderSection section;
  private Scene scene;

  static Path repo() {
    return Path.of(System.getProperty("maskocr.repo", ".."));
  }

  @BeforeAll
  static void loadAssets() throws Exception {
    assets = RendererAssets.load(repo());
    executor = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void stop() {
    executor.shutdownNow();
  }

  @Start
  void start(Stage stage) {
    section = new RenderSection(assets, executor, (dataset, samples, provenance) -> stored.addAll(samples));
    scene = new Scene((javafx.scene.Parent) section.view(), 1200, 780);
    stage.setScene(scene);
    stage.show();
  }

  private List<PreviewCell> cells() {
    return section.model().cellsProperty().get();
  }

  private void waitFor(java.util.concurrent.Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
    WaitForAsyncUtils.waitForFxEvents();
  }

  @Test
  void movingASliderChangesThePreviewAndSavesAScreenshot(FxRobot robot) throws Exception {
    waitFor(() -> !cells().isEmpty());
    List<PreviewCell> before = cells();
    int[] firstBefore = pixels(before.get(0));

    Slider p = robot.lookup("#effect-blur-probability").queryAs(Slider.class);
    Slider min = robot.lookup("#effect-blur-min").queryAs(Slider.class);
    AtomicLong movedAt = new AtomicLong();
    robot.interact(() -> {
      movedAt.set(System.nanoTime());
      min.setValue(2.0);
      p.setValue(1.0);
    });
    waitFor(() -> cells() != before && section.model().configProperty().get().effect(
        io.maskocr.renderer.config.EffectKind.BLUR).probability() == 1.0 && blurredEverywhere());
    long ms = (System.nanoTime() - movedAt.get()) / 1_000_000;
    System.out.println("render preview: slider change to new grid in " + ms + " ms");

    List<PreviewCell> after = cells();
    assertEquals(before.size(), after.size());
    assertEquals(before.get(0).sample().text(), after.get(0).sample().text(), "same seed: same texts");
    assertFalse(java.util.Arrays.equals(firstBefore, pixels(after.get(0))), "pixels changed");
    assertTrue(robot.lookup("#effect-blur-probability").queryAs(Slider.class).getValue() == 1.0);

    robot.interact(() -> section.model().showCleanProperty().set(true));
    WaitForAsyncUtils.waitForFxEvents();
    Path shot = repo().resolve("docs/screenshots/render.png");
    Files.createDirectories(shot.getParent());
    WritableImage[] img = new WritableImage[1];
    robot.interact(() -> img[0] = scene.snapshot(null));
    ImageIO.write(SwingFXUtils.fromFXImage(img[0], null), "png", shot.toFile());
    assertTrue(Files.size(shot) > 10_000);
  }

  private boolean blurredEverywhere() {
    return cells().stream().allMatch(c -> c.sample().style().effects().containsKey("blur"));
  }

  @Test
  void reseedShowsOtherSamples(FxRobot robot) throws Exception {
    waitFor(() -> !cells().isEmpty());
    List<PreviewCell> before = cells();
    robot.clickOn("#render-reseed");
    waitFor(() -> cells() != before);
    assertNotEquals(before.get(0).sample().text() + before.get(1).sample().text(),
        cells().get(0).sample().text() + cells().get(1).sample().text());
  }

  @Test
  void addSamplesStoresThemThroughTheSink(FxRobot robot) throws Exception {
    waitFor(() -> !cells().isEmpty());
    robot.interact(() -> robot.lookup("#render-add-count").queryAs(javafx.scene.control.Spinner.class)
        .getValueFactory().setValue(300));
    robot.clickOn("#render-add");
    waitFor(() -> stored.size() == 300);
    List<PreviewCell> shown = cells();
    assertEquals(shown.get(0).sample().text(), stored.get(0).text(), "first added sample is the first shown");
    for (int i = 0; i < 300; i++) {
      assertEquals(i, stored.get(i).index());
    }
  }

  private static int[] pixels(PreviewCell c) {
    int w = (int) c.image().getWidth(), h = (int) c.image().getHeight();
    int[] out = new int[w * h];
    c.image().getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), out, 0, w);
    return out;
  }
}
