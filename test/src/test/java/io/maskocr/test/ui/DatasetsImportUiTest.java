package io.maskocr.test.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.shell.MainWindow;
import io.maskocr.app.ui.shell.SettingsFile;
import io.maskocr.viewers.grid.ThumbnailGrid;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * End to end: the app opens on a temp workspace, a generated folder of word images is
 * imported through the import dialog, and the grid shows the images with their labels.
 * Saves {@code docs/screenshots/datasets.png} (used by the README).
 */
@ExtendWith(ApplicationExtension.class)
class DatasetsImportUiTest {
  @TempDir static Path tmp;
  private MainWindow window;

  /**
   * Workspace and images live under the build folder, not in a random temp folder: their
   * paths are in the committed screenshots, which should not change on every run.
   */
  private static final Path DEMO = Path.of("target", "ui-demo").toAbsolutePath();

  @Start
  void start(Stage stage) throws IOException {
    deleteTree(DEMO);
    window = MainWindow.show(stage, DEMO.resolve("workspace"),
        new SettingsFile(tmp.resolve("studio.json")));
  }

  private static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (var files = Files.walk(root)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }

  @Test
  void importingAFolderThroughTheDialogShowsItsImagesInTheGrid(FxRobot robot) throws Exception {
    List<String> words = WordImages.WORDS;
    Path folder = WordImages.write(DEMO.resolve("street-words"), words, 7);
    waitUntil(() -> window.model().workspace() != null);
    assertEquals("This workspace has no datasets yet: Import… (Ctrl+I) adds a folder of images.",
        robot.lookup("#grid-hint").queryAs(Label.class).getText());

    robot.clickOn("#import-button");
    waitUntil(() -> robot.lookup("#import-source").tryQuery().isPresent());
    robot.interact(() -> {
      robot.lookup("#import-source").queryAs(TextField.class).setText(folder.toString());
      robot.lookup("#import-label-pattern").queryAs(TextField.class).setText("{label}.png");
    });
    assertEquals("street-words", robot.lookup("#import-dataset").queryAs(TextField.class).getText());
    robot.clickOn("#import-start");
    waitUntil(() -> robot.lookup("#import-status").queryAs(Label.class).getText().startsWith("Done"));
    String status = robot.lookup("#import-status").queryAs(Label.class).getText();
    assertTrue(status.contains("imported " + words.size()), status);
    saveScreenshot(robot, robot.lookup("#import-source").query().getScene(), "import-dialog.png");
    robot.clickOn("#import-close");

    @SuppressWarnings("unchecked")
    ThumbnailGrid<Object> grid = robot.lookup("#sample-grid").queryAs(ThumbnailGrid.class);
    waitUntil(() -> grid.itemCountProperty().get() == words.size());
    // Every tile on screen (several rows of them) gets its decoded thumbnail and its label.
    waitUntil(() -> visibleTiles(robot).size() >= 15
        && visibleTiles(robot).stream().allMatch(t -> thumbnail(t) != null));
    Set<String> captions = visibleTiles(robot).stream().map(DatasetsImportUiTest::caption)
        .collect(Collectors.toSet());
    assertTrue(words.containsAll(captions), captions.toString());
    assertEquals(visibleTiles(robot).size(), captions.size(), "each tile shows another sample");
    assertTrue(robot.lookup("#dataset-list").queryAs(javafx.scene.control.ListView.class)
        .getItems().size() == 1);

    // Select a few tiles and move them to val: the counts follow.
    robot.clickOn(visibleTiles(robot).get(1));
    robot.press(javafx.scene.input.KeyCode.SHIFT).clickOn(visibleTiles(robot).get(3))
        .release(javafx.scene.input.KeyCode.SHIFT);
    assertEquals("3 selected", robot.lookup("#selection-count").queryAs(Label.class).getText());
    robot.clickOn("#split-val");
    waitUntil(() -> robot.lookup(".dataset-counts").queryAll().stream()
        .anyMatch(n -> ((Label) n).getText().contains("val 3")));

    saveScreenshot(robot, window.scene(), "datasets.png");

    // Double-click: the sample large, with where its label came from.
    Node tile = visibleTiles(robot).get(0);
    String label = caption(tile);
    robot.doubleClickOn(tile);
    waitUntil(() -> robot.lookup("#details-label").tryQuery().isPresent());
    assertEquals(label, robot.lookup("#details-label").queryAs(Label.class).getText());
    waitUntil(() -> robot.lookup("#details-history").queryAs(javafx.scene.control.ListView.class)
        .getItems().size() == 1);
    robot.interact(() -> robot.lookup("#details-label").query().getScene().getWindow().hide());
  }

  private static void saveScreenshot(FxRobot robot, javafx.scene.Scene scene, String name)
      throws IOException {
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage[] shot = new WritableImage[1];
    robot.interact(() -> shot[0] = scene.snapshot(null));
    BufferedImage image = SwingFXUtils.fromFXImage(shot[0], null);
    Path out = Path.of(System.getProperty("maskocr.repo", "."), "docs", "screenshots", name);
    Files.createDirectories(out.getParent());
    ImageIO.write(image, "png", out.toFile());
    assertTrue(Files.size(out) > 10_000, "screenshot looks empty: " + out);
  }

  private static List<Node> visibleTiles(FxRobot robot) {
    return robot.lookup(".thumbnail-tile").queryAll().stream()
        .filter(DatasetsImportUiTest::shownWithAncestors)
        .filter(n -> n.getScene() != null && isShowing(n.getScene().getWindow()))
        .filter(n -> {
          String c = caption(n);
          return !c.isEmpty() && !c.equals("…");
        })
        .collect(Collectors.toList());
  }

  private static boolean shownWithAncestors(Node n) {
    for (Node p = n; p != null; p = p.getParent()) {
      if (!p.isVisible()) {
        return false;
      }
    }
    return true;
  }

  private static boolean isShowing(Window w) {
    return w != null && w.isShowing();
  }

  private static String caption(Node tile) {
    return tile.lookupAll(".thumbnail-caption").stream().map(n -> ((Label) n).getText())
        .findFirst().orElse("");
  }

  private static javafx.scene.image.Image thumbnail(Node tile) {
    return tile.lookupAll(".image-view").stream().map(n -> ((ImageView) n).getImage())
        .findFirst().orElse(null);
  }

  private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
  }
}
