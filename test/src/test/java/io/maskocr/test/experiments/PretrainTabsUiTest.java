package io.maskocr.test.experiments;

import static io.maskocr.test.experiments.Screens.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.experiments.InspectWindow;
import io.maskocr.app.ui.task.FxTaskExecutor;
import io.maskocr.viewers.pretrain.MilmView;
import io.maskocr.viewers.pretrain.OdmView;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Opens a run's inspect window on the tiny model trained in set-up, then its MILM tab (the probe
 * runs in the background; the view shows the selected word with one chip per character plus the
 * end token) and its ODM tab (the run has no odm stage: a pixel head fitted on the frozen encoder
 * draws a synthetic word's clean image, and the tab says so); then the ODM tab of a run with an
 * odm stage, which draws with the head it trained. Saves {@code milm.png} and {@code odm.png}.
 */
@ExtendWith(ApplicationExtension.class)
class PretrainTabsUiTest {
  private static FxTaskExecutor executor;

  @BeforeAll
  static void train() throws Exception {
    TinyRun.trained();
    TinyRun.trainedWithOdm();
    executor = new FxTaskExecutor(1);
  }

  @AfterAll
  static void close() {
    executor.close();
  }

  @Start
  void start(Stage stage) {
    stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 200, 100));
    stage.show();
  }

  @Test
  void theMilmAndOdmTabsShowTheCheckpointsProbes(FxRobot robot) throws Exception {
    AtomicReference<String> error = new AtomicReference<>("");
    java.nio.file.Path run = TinyRun.trained();
    robot.interact(() -> InspectWindow.open(executor, run, TinyRun.resolver(), null, "tiny run",
        error::set));
    waitUntil(() -> !error.get().isEmpty() || inspectWindow(robot) != null);
    assertEquals("", error.get());
    javafx.scene.Scene scene = inspectWindow(robot).getScene();
    TabPane tabs = robot.from(scene.getRoot()).lookup(".tab-pane").queryAs(TabPane.class);
    robot.interact(() -> tabs.getSelectionModel().select(2));
    assertEquals("MILM", tabs.getSelectionModel().getSelectedItem().getText());
    MilmView view = robot.from(scene.getRoot()).lookup("#inspect-milm").queryAs(MilmView.class);
    Label title = (Label) view.getChildren().get(0);
    FlowPane chips = (FlowPane) view.getChildren().get(2);
    // The first sample of the run's data is the glyph word "ab": two characters and the end token.
    waitUntil(() -> title.getText().startsWith("truth 'ab'"));
    // the title is set first within one FX update: let it finish before counting chips
    org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    assertEquals(3, chips.getChildren().size(), title.getText());
    assertTrue(title.getText().contains("decoder reads '"), title.getText());
    assertTrue(title.getText().contains("hidden characters right: "), "at ratio 0.5 one character is hidden: "
        + title.getText());
    Screens.save(robot, scene, "milm");

    Label origin = showOdmWord(robot, scene, tabs);
    assertTrue(origin.getText().contains("no odm stage") && origin.getText().contains("fitted for 60 steps"),
        "the tiny run has no odm stage: the tab must say its head is fitted: " + origin.getText());
    closeWindow(robot, scene);
  }

  @Test
  void theOdmTabDrawsWithTheHeadTheRunTrained(FxRobot robot) throws Exception {
    AtomicReference<String> error = new AtomicReference<>("");
    java.nio.file.Path run = TinyRun.trainedWithOdm();
    robot.interact(() -> InspectWindow.open(executor, run, TinyRun.resolver(), null, "tiny run with odm", error::set));
    waitUntil(() -> !error.get().isEmpty() || inspectWindow(robot) != null);
    assertEquals("", error.get());
    javafx.scene.Scene scene = inspectWindow(robot).getScene();
    TabPane tabs = robot.from(scene.getRoot()).lookup(".tab-pane").queryAs(TabPane.class);
    Label origin = showOdmWord(robot, scene, tabs);
    assertTrue(origin.getText().startsWith("The pixel head trained in this run's odm stage (20 steps)"),
        origin.getText());
    assertTrue(origin.getText().contains("2 more steps (finetune)"), origin.getText());
    Screens.save(robot, scene, "odm");
    // on request, a fresh head fitted on the frozen encoder instead (to compare with the trained one)
    robot.interact(() -> robot.from(scene.getRoot()).lookup("#inspect-odm-fresh")
        .queryAs(javafx.scene.control.CheckBox.class).setSelected(true));
    showOdmWord(robot, scene, tabs);
    assertTrue(origin.getText().startsWith("The trained ODM head is set aside on request"), origin.getText());
    closeWindow(robot, scene);
  }

  /** Opens the ODM tab, asks for a word and checks the three images; returns the head's origin label. */
  private static Label showOdmWord(FxRobot robot, javafx.scene.Scene scene, TabPane tabs) throws Exception {
    robot.interact(() -> tabs.getSelectionModel().select(3));
    assertEquals("ODM", tabs.getSelectionModel().getSelectedItem().getText());
    Label odmStatus = robot.from(scene.getRoot()).lookup("#inspect-odm-status").queryAs(Label.class);
    OdmView odm = robot.from(scene.getRoot()).lookup("#inspect-odm").queryAs(OdmView.class);
    Label caption = (Label) odm.getChildren().get(0);
    robot.interact(() -> robot.from(scene.getRoot()).lookup("#inspect-odm-run")
        .queryAs(javafx.scene.control.Button.class).fire());
    Screens.waitLong(() -> odmStatus.getText().startsWith("Click again") || odmStatus.getText().contains("failed"),
        odmStatus::getText);
    assertTrue(odmStatus.getText().startsWith("Click again"), odmStatus.getText());
    assertTrue(caption.getText().matches("text '.+'  prompt '.+'  ink IoU .+"), caption.getText());
    javafx.scene.layout.HBox row = (javafx.scene.layout.HBox) odm.getChildren().get(1);
    for (javafx.scene.Node column : row.getChildren()) {
      javafx.scene.image.ImageView img = (javafx.scene.image.ImageView) ((javafx.scene.layout.VBox) column)
          .getChildren().get(1);
      assertEquals(64 * 5, img.getImage().getWidth(), "input, prediction and target at 5x of the 64-pixel model");
    }
    return robot.from(scene.getRoot()).lookup("#inspect-odm-origin").queryAs(Label.class);
  }

  /** Other tests of this JVM look for "the other window": close this one (it closes the checkpoint). */
  private static void closeWindow(FxRobot robot, javafx.scene.Scene scene) throws Exception {
    robot.interact(() -> ((Stage) scene.getWindow()).close());
    waitUntil(() -> inspectWindow(robot) == null);
  }

  private static javafx.stage.Window inspectWindow(FxRobot robot) {
    return robot.listWindows().stream().filter(w -> w instanceof Stage st && st.getTitle() != null
        && st.getTitle().startsWith("tiny run") && w.getScene() != null).findFirst().orElse(null);
  }
}
