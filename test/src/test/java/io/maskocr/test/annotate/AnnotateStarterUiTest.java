package io.maskocr.test.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.shell.MainWindow;
import io.maskocr.app.ui.shell.SettingsFile;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.QueueItem;
import io.maskocr.engine.store.RunRecord;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.StarterRun;
import io.maskocr.test.experiments.Screens;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A fresh workspace, nothing trained: Annotate offers the bundled starter model, and Predict
 * fills the queue with its readings. Saves {@code docs/screenshots/annotate-starter.png}.
 */
@ExtendWith(ApplicationExtension.class)
class AnnotateStarterUiTest {
  /** A word photographed at a slant: read on the second look, and shown level in the attention view. */
  private static final String SLANTED = "parking";

  @TempDir static Path tmp;
  private MainWindow window;

  @BeforeAll
  static void seed() throws Exception {
    AnnotateSeed.settingsWithAnnotator(tmp);
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      Dataset d = ws.datasets().create("street");
      AnnotateSeed.addWords(ws, d.id(), i -> Split.TRAIN, i -> null);
      addSlanted(ws, d.id(), SLANTED, 20);
      assertTrue(ws.runs().list().isEmpty(), "no model trained");
    }
  }

  @Start
  void start(Stage stage) {
    window = MainWindow.show(stage, tmp.resolve("ws"), new SettingsFile(tmp.resolve("studio.json")));
  }

  @Test
  void aNewWorkspacePredictsWithTheStarterBeforeAnyTraining(FxRobot robot) throws Exception {
    AnnotateUiTest.waitUntil(() -> window.model().workspace() != null);
    robot.clickOn("#nav-annotate");
    @SuppressWarnings("unchecked")
    ComboBox<String> checkpoint = robot.lookup("#annotate-checkpoint").queryAs(ComboBox.class);
    AnnotateUiTest.waitUntil(() -> checkpoint.getValue() != null);
    robot.clickOn("#annotate-predict");
    @SuppressWarnings("unchecked")
    ListView<QueueItem> queue = robot.lookup("#annotate-queue").queryAs(ListView.class);
    WaitForAsyncUtils.waitFor(120, java.util.concurrent.TimeUnit.SECONDS,
        () -> queue.getItems().size() == AnnotateSeed.WORDS.size() + 1);
    Screens.save(robot, window.scene(), "annotate-starter");
    QueueItem slanted = queue.getItems().stream()
        .filter(q -> q.sample().originalName().equals("slanted.png")).findFirst().orElseThrow();
    assertEquals(SLANTED, slanted.prediction().text(), "the slanted word is read (on the second look)");
    robot.interact(() -> queue.scrollTo(slanted));
    WaitForAsyncUtils.waitForFxEvents();
    robot.clickOn(robot.lookup(".list-cell").<javafx.scene.control.ListCell<QueueItem>>queryAll().stream()
        .filter(c -> c.getItem() == slanted).findFirst().orElseThrow());
    AnnotateUiTest.waitUntil(() -> robot.lookup("#annotate-prediction").queryAs(javafx.scene.control.Label.class)
        .getText().contains("\"" + SLANTED + "\""));
    robot.clickOn("#annotate-attention-toggle");
    javafx.scene.image.ImageView overlay = robot.lookup("#annotate-attention").queryAs(javafx.scene.image.ImageView.class);
    AnnotateUiTest.waitUntil(() -> overlay.isVisible() && overlay.getImage() != null);
    Screens.save(robot, window.scene(), "annotate-slanted");
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      List<RunRecord> runs = ws.runs().list();
      assertEquals(1, runs.size(), "only the starter, registered as a run");
      assertTrue(runs.get(0).tags().contains(StarterRun.TAG), runs.get(0).tags().toString());
      assertTrue(queue.getItems().get(0).prediction().checkpoint().startsWith(runs.get(0).id() + "@"),
          "the queue shows the starter's readings: " + queue.getItems().get(0).prediction().checkpoint());
      long read = queue.getItems().stream().filter(q -> !q.prediction().text().isEmpty()).count();
      assertTrue(read > AnnotateSeed.WORDS.size() / 2, "the starter reads most words: " + read);
    }
  }

  /** Stores {@code word} at {@code degrees} in the upright box that just holds it, as {@code slanted.png}. */
  private static void addSlanted(Workspace ws, long datasetId, String word, double degrees) throws Exception {
    java.awt.image.BufferedImage box = io.maskocr.engine.infer.WordPictures.slanted(
        io.maskocr.engine.infer.WordPictures.level(word), degrees);
    int w = box.getWidth();
    int h = box.getHeight();
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    javax.imageio.ImageIO.write(box, "png", png);
    String sha = java.util.HexFormat.of().formatHex(
        java.security.MessageDigest.getInstance("SHA-256").digest(png.toByteArray()));
    ws.images().put(sha, "png", png.toByteArray());
    ws.samples().addBatch(datasetId,
        List.of(new io.maskocr.engine.store.NewSample(sha, "png", w, h, "slanted.png", Split.TRAIN, null)), "test");
  }
}
