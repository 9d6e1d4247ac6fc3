package io.maskocr.test.experiments;

import static io.maskocr.test.experiments.Screens.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.experiments.RunRow;
import io.maskocr.app.ui.shell.MainWindow;
import io.maskocr.app.ui.shell.SettingsFile;
import io.maskocr.engine.external.ExternalKind;
import io.maskocr.engine.external.ExternalModels;
import io.maskocr.engine.external.TinyModels;
import io.maskocr.engine.store.QueueItem;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * An external ONNX model through the window (a tiny PP-OCR-shaped model the test writes):
 * Experiments' "Add model…" adds and evaluates it, the runs table shows it as a baseline row with
 * its eval figures, Compare takes it beside another, and Annotate's Predict with it orders the
 * queue by its confidence. Saves {@code experiments-baseline.png} and {@code annotate-external.png}.
 */
@ExtendWith(ApplicationExtension.class)
class ExternalModelUiTest {
  /** Between red and white: the tiny model reads "a" at about 0.7, the least sure reading. */
  private static final Color PINK = new Color(255, 120, 120);
  @TempDir static Path tmp;
  private MainWindow window;

  @BeforeAll
  static void seed() throws Exception {
    // the app's settings in tmp (not the user's), with an annotator set so Annotate opens at once
    System.setProperty("maskocr.settings", tmp.resolve("studio.json").toString());
    new io.maskocr.app.ui.annotate.AnnotatorSettings("tess").save(
        io.maskocr.app.ui.annotate.AnnotatorSettings.defaultFile());
    Path src = tmp.resolve("src");
    TinyModels.write(src, "tiny-ctc.onnx", TinyModels.ctc(false));
    TinyModels.keys(src, TinyModels.KEYS);
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      long d = ws.datasets().create("colours").id();
      List<BufferedImage> crops = List.of(
          TinyModels.blocks(8, 48, Color.RED, Color.GREEN), TinyModels.blocks(8, 48, Color.BLUE, Color.RED),
          TinyModels.blocks(8, 48, PINK, Color.BLUE), TinyModels.blocks(8, 48, Color.GREEN),
          TinyModels.blocks(8, 48, Color.RED, Color.BLACK, Color.BLUE), TinyModels.blocks(8, 48, Color.BLUE));
      List<String> labels = List.of("ab", "ca", "ac", "b", "a c", "x");
      TinyModels.addSamples(ws, d, crops, labels, Split.TEST);
      // a second baseline for Compare, added the CLI's way
      ExternalModels.add(ws, src.resolve("tiny-ctc.onnx"), ExternalKind.PPOCR_REC, src.resolve("keys.txt"), "other",
          null);
    }
  }

  @Start
  void start(Stage stage) {
    window = MainWindow.show(stage, tmp.resolve("ws"), new SettingsFile(tmp.resolve("studio.json")));
    stage.setWidth(1280);
    stage.setHeight(800);
  }

  @Test
  void addedModelIsABaselineRowComparedAndPredictsInAnnotate(FxRobot robot) throws Exception {
    waitUntil(() -> window.model().workspace() != null);
    robot.clickOn("#nav-experiments");
    robot.clickOn("Runs");
    robot.clickOn("#runs-add-model");
    waitUntil(() -> robot.lookup("#add-model-file").tryQuery().isPresent());
    robot.interact(() -> {
      robot.lookup("#add-model-file").queryAs(TextField.class).setText(tmp.resolve("src/tiny-ctc.onnx").toString());
      robot.lookup("#add-model-keys").queryAs(TextField.class).setText(tmp.resolve("src/keys.txt").toString());
      robot.lookup("#add-model-name").queryAs(TextField.class).setText("tiny");
      @SuppressWarnings("unchecked")
      ComboBox<String> eval = robot.lookup("#add-model-eval").queryAs(ComboBox.class);
      eval.setValue("colours");
    });
    Screens.save(robot, robot.lookup("#add-model-file").query().getScene(), "experiments-add-model");
    robot.interact(() -> ((Button) robot.lookup(".dialog-pane").queryAs(DialogPane.class)
        .lookupButton(javafx.scene.control.ButtonType.OK)).fire());

    Label message = robot.lookup("#runs-message").queryAs(Label.class);
    @SuppressWarnings("unchecked")
    TableView<RunRow> table = robot.lookup("#runs-table").queryAs(TableView.class);
    Screens.waitLong(() -> message.getText().contains("on colours test"), message::getText);
    // "ab" "ca" right, "ac" read "ac", "b", "a c" (36-symbol: ac) and "x" read "c": 5 of 6
    assertTrue(message.getText().contains("accuracy (36-symbol) 0.8333"), message.getText());
    waitUntil(() -> table.getItems().stream().anyMatch(r -> r.name().startsWith("tiny") && r.baseline()
        && Math.abs(r.lastOf("accuracy36") - 5 / 6.0) < 1e-9));
    RunRow tiny = table.getItems().stream().filter(r -> r.name().startsWith("tiny")).findFirst().orElseThrow();
    assertEquals("baseline", tiny.status());
    robot.interact(() -> table.getSelectionModel().select(tiny));
    Screens.save(robot, window.scene(), "experiments-baseline");

    robot.interact(() -> {
      table.getSelectionModel().clearSelection();
      table.getItems().stream().filter(RunRow::baseline).forEach(r -> table.getSelectionModel().select(r));
    });
    assertEquals(2, table.getSelectionModel().getSelectedItems().size());
    robot.clickOn("#runs-compare");
    @SuppressWarnings("unchecked")
    TableView<List<String>> side = robot.lookup("#compare-table").queryAs(TableView.class);
    waitUntil(() -> side.getItems().stream().anyMatch(row -> row.get(0).equals("eval acc36")
        && row.contains("0.8333")));

    robot.clickOn("#nav-annotate");
    @SuppressWarnings("unchecked")
    ComboBox<String> checkpoints = robot.lookup("#annotate-checkpoint").queryAs(ComboBox.class);
    waitUntil(() -> checkpoints.getItems().stream().anyMatch(k -> k.startsWith("model:tiny@")));
    robot.interact(() -> checkpoints.setValue(
        checkpoints.getItems().stream().filter(k -> k.startsWith("model:tiny@")).findFirst().orElseThrow()));
    robot.clickOn("#annotate-predict");
    @SuppressWarnings("unchecked")
    ListView<QueueItem> queue = robot.lookup("#annotate-queue").queryAs(ListView.class);
    waitUntil(() -> queue.getItems().size() == 6);
    // lowest confidence first: the pink block is the model's least sure reading
    assertEquals("c2.png", queue.getItems().get(0).sample().originalName());
    assertTrue(queue.getItems().get(0).prediction().checkpoint().startsWith("model:tiny@"));
    Screens.save(robot, window.scene(), "annotate-external");
  }
}
