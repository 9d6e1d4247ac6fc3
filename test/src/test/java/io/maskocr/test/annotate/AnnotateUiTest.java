package io.maskocr.test.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.shell.MainWindow;
import io.maskocr.app.ui.shell.SettingsFile;
import io.maskocr.engine.store.LabelEntry;
import io.maskocr.engine.store.LabelKind;
import io.maskocr.engine.store.LabelSource;
import io.maskocr.engine.store.LabelState;
import io.maskocr.engine.store.QueueItem;
import io.maskocr.engine.store.Workspace;
import io.maskocr.test.experiments.Screens;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
 * The Annotate section driven like an annotator: 20 items corrected with the keyboard only,
 * undo/redo across items, restore from history, filters and counts. Saves
 * {@code docs/screenshots/annotate.png} and {@code annotate-cheatsheet.png}.
 */
@ExtendWith(ApplicationExtension.class)
class AnnotateUiTest {
  @TempDir static Path tmp;
  private static Map<Long, String> truth;
  private MainWindow window;

  @BeforeAll
  static void seed() throws Exception {
    AnnotateSeed.settingsWithAnnotator(tmp);
    truth = AnnotateSeed.create(tmp.resolve("ws"));
  }

  @Start
  void start(Stage stage) {
    window = MainWindow.show(stage, tmp.resolve("ws"), new SettingsFile(tmp.resolve("studio.json")));
  }

  @Test
  void correctingTwentyItemsWithTheKeyboardUndoRedoRestoreAndFilters(FxRobot robot) throws Exception {
    waitUntil(() -> window.model().workspace() != null);
    robot.clickOn("#nav-annotate");
    ListView<QueueItem> queue = list(robot, "#annotate-queue");
    waitUntil(() -> queue.getItems().size() == AnnotateSeed.WORDS.size());
    TextField text = robot.lookup("#annotate-text").queryAs(TextField.class);
    waitUntil(text::isFocused);
    // the misread words (low confidence) come first
    assertTrue(queue.getItems().subList(0, 10).stream()
        .noneMatch(i -> truth.get(i.sample().id()).equals(i.prediction().text())));

    int corrected = 0;
    for (int n = 0; n < 20; n++) {
      QueueItem item = current(robot);
      String want = truth.get(item.sample().id());
      if (n == 0) {
        saveScreenshot(robot, "annotate"); // a misread word: its doubtful letter is tinted red
      }
      if (!text.getText().equals(want)) {
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(want);
        corrected++;
      }
      robot.type(KeyCode.ENTER);
      final int done = n + 1;
      waitUntil(() -> robot.lookup("#annotate-queue").queryAs(ListView.class).getSelectionModel()
          .getSelectedIndex() == done);
    }
    assertEquals(10, corrected, "every misread word among the first 20 was typed over");
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      for (int i = 0; i < 20; i++) {
        long id = queue.getItems().get(i).sample().id();
        LabelEntry e = ws.labels().current(id).orElseThrow();
        assertEquals(List.of(truth.get(id), "tess", LabelSource.HUMAN), List.of(e.text(), e.author(), e.source()));
      }
    }
    String stats = robot.lookup("#annotate-stats").queryAs(Label.class).getText();
    assertTrue(stats.contains("10 corrected · 10 accepted"), stats);
    waitUntil(() -> counts(robot).contains("8 remaining to review"));

    // Ctrl+Z twice goes back over two saved items; Ctrl+Shift+Z re-applies
    long last = queue.getItems().get(19).sample().id();
    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    waitUntil(() -> current(robot).sample().id() == last);
    robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
    waitUntil(() -> queue.getSelectionModel().getSelectedIndex() == 18);
    assertLabel(last, null);
    robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
    robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
    waitUntil(() -> current(robot).sample().id() == last);
    assertLabel(last, truth.get(last));

    // Ctrl+L marks illegible; restoring the earlier entry from the history brings the text back
    robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
    waitUntil(() -> queue.getSelectionModel().getSelectedIndex() == 20);
    assertLabel(last, null);
    robot.press(KeyCode.ALT, KeyCode.LEFT).release(KeyCode.LEFT, KeyCode.ALT);
    ListView<LabelEntry> history = list(robot, "#annotate-history");
    waitUntil(() -> history.getItems().size() == 4
        && history.getItems().get(3).kind() == LabelKind.ILLEGIBLE);
    robot.interact(() -> history.getSelectionModel().select(0));
    robot.clickOn("#annotate-restore");
    waitUntil(() -> history.getItems().size() == 5);
    assertLabel(last, truth.get(last));

    robot.interact(() -> history.getSelectionModel().select(3));
    saveScreenshot(robot, "annotate-history");
    robot.clickOn("#annotate-queue");
    robot.type(KeyCode.F1);
    waitUntil(() -> robot.lookup("#annotate-cheatsheet").query().isVisible());
    saveScreenshot(robot, "annotate-cheatsheet");
    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> !robot.lookup("#annotate-cheatsheet").query().isVisible());

    // filters: only what a person reviewed, then a confidence window
    ComboBox<LabelState> state = robot.lookup("#annotate-label-state").queryAs(ComboBox.class);
    robot.interact(() -> state.setValue(LabelState.REVIEWED));
    waitUntil(() -> queue.getItems().size() == 20 && counts(robot).startsWith("20 in queue"));
    robot.interact(() -> state.setValue(LabelState.UNREVIEWED));
    waitUntil(() -> queue.getItems().size() == 8);
    assertTrue(queue.getItems().stream().allMatch(i -> i.sample().label() == null));
  }

  private static void assertLabel(long sampleId, String expected) {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      assertEquals(expected, ws.samples().get(sampleId).orElseThrow().label());
    }
  }

  private static String counts(FxRobot robot) {
    return robot.lookup("#annotate-counts").queryAs(Label.class).getText();
  }

  @SuppressWarnings("unchecked")
  private static <T> ListView<T> list(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(ListView.class);
  }

  private static QueueItem current(FxRobot robot) {
    ListView<QueueItem> q = list(robot, "#annotate-queue");
    return q.getSelectionModel().getSelectedItem();
  }

  private void saveScreenshot(FxRobot robot, String name) throws Exception {
    Screens.save(robot, window.scene(), name);
  }

  static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
  }
}
