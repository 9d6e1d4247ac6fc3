package io.maskocr.test.annotate;

import static io.maskocr.test.annotate.AnnotateUiTest.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.shell.MainWindow;
import io.maskocr.app.ui.shell.SettingsFile;
import io.maskocr.engine.store.LabelEntry;
import io.maskocr.engine.store.LabelKind;
import io.maskocr.engine.store.QueueItem;
import io.maskocr.engine.store.Workspace;
import io.maskocr.test.experiments.Screens;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
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

/**
 * Every key of the cheat sheet, pressed the way an annotator does, with the text field holding
 * the focus throughout: Esc, Alt+arrows, typing (a "?" in a label is text, not the cheat sheet),
 * Enter, Ctrl+Z / Ctrl+Shift+Z, Ctrl+L, Ctrl+R (a real micro checkpoint re-reads), Ctrl+T, and
 * the cheat sheet on ? (outside the text field), F1 and Ctrl+? (anywhere). Saves
 * {@code docs/screenshots/annotate-keyboard.png}.
 */
@ExtendWith(ApplicationExtension.class)
class AnnotateKeyboardUiTest {
  @TempDir static Path tmp;
  private MainWindow window;

  @BeforeAll
  static void seed() throws Exception {
    AnnotateSeed.settingsWithAnnotator(tmp);
    AnnotateSeed.create(tmp.resolve("ws"));
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      MicroCheckpoint.create(ws); // the newest checkpoint, for Ctrl+R
    }
  }

  @Start
  void start(Stage stage) {
    window = MainWindow.show(stage, tmp.resolve("ws"), new SettingsFile(tmp.resolve("studio.json")));
  }

  @Test
  void everyShortcutWorksWhileTheTextFieldHasTheFocus(FxRobot robot) throws Exception {
    waitUntil(() -> window.model().workspace() != null);
    robot.clickOn("#nav-annotate");
    ListView<QueueItem> queue = robot.lookup("#annotate-queue").queryAs(ListView.class);
    robot.interact(() -> ((javafx.scene.control.ComboBox<String>) robot.lookup("#annotate-checkpoint").query())
        .setValue(AnnotateSeed.CHECKPOINT));
    waitUntil(() -> queue.getItems().size() == AnnotateSeed.WORDS.size() && selected(queue) == 0);
    TextField text = robot.lookup("#annotate-text").queryAs(TextField.class);
    waitUntil(text::isFocused);
    Node sheet = robot.lookup("#annotate-cheatsheet").query();

    // Esc skips without writing anything; Alt+Right / Alt+Left move through the queue
    long first = queue.getItems().get(0).sample().id();
    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> selected(queue) == 1);
    assertTrue(history(first).isEmpty(), "Esc wrote a label");
    alt(robot, KeyCode.RIGHT);
    waitUntil(() -> selected(queue) == 2);
    alt(robot, KeyCode.LEFT);
    alt(robot, KeyCode.LEFT);
    waitUntil(() -> selected(queue) == 0);
    assertTrue(text.isFocused(), "navigation keeps the focus in the text field");

    // "?" typed in the text field is part of the label; Enter saves it and moves on
    ctrl(robot, KeyCode.A);
    robot.write("open?");
    assertEquals("open?", text.getText());
    assertFalse(sheet.isVisible(), "? in the text field opened the cheat sheet");
    robot.type(KeyCode.ENTER);
    waitUntil(() -> selected(queue) == 1);
    assertEquals("open?", label(first));

    // Ctrl+Z goes back to the saved item and takes the label back; Ctrl+Shift+Z re-applies it
    ctrl(robot, KeyCode.Z);
    waitUntil(() -> selected(queue) == 0 && label(first) == null);
    robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
    waitUntil(() -> "open?".equals(label(first)));
    assertEquals("open?", text.getText(), "the redone label is what the field shows");

    // Ctrl+L marks the shown item illegible and moves on
    long second = queue.getItems().get(1).sample().id();
    alt(robot, KeyCode.RIGHT);
    waitUntil(() -> selected(queue) == 1);
    ctrl(robot, KeyCode.L);
    waitUntil(() -> selected(queue) == 2);
    List<LabelEntry> h = history(second);
    assertEquals(LabelKind.ILLEGIBLE, h.get(h.size() - 1).kind());

    // Ctrl+R re-reads the shown image with the newest checkpoint; Ctrl+T shows its attention
    ctrl(robot, KeyCode.R);
    Label message = robot.lookup("#annotate-message").queryAs(Label.class);
    waitUntil(() -> message.getText().startsWith("Re-read with"));
    assertTrue(queue.getItems().get(2).prediction().checkpoint().endsWith("@1"), "the queue row holds the new reading");
    ctrl(robot, KeyCode.T);
    waitUntil(() -> robot.lookup("#annotate-attention").query().isVisible());
    ctrl(robot, KeyCode.T);
    waitUntil(() -> !robot.lookup("#annotate-attention").query().isVisible());

    // the cheat sheet: F1 from the text field, Esc closes it without skipping the item
    robot.type(KeyCode.F1);
    waitUntil(sheet::isVisible);
    Screens.save(robot, window.scene(), "annotate-keyboard");
    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> !sheet.isVisible());
    assertEquals(2, selected(queue), "Esc closing the sheet also skipped the item");
    assertTrue(text.isFocused(), "typing goes on in the text field after the sheet closes");
    // Ctrl+? (Ctrl+Shift+/) toggles it from anywhere
    robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.SLASH).release(KeyCode.SLASH, KeyCode.SHIFT, KeyCode.CONTROL);
    waitUntil(sheet::isVisible);
    robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.SLASH).release(KeyCode.SLASH, KeyCode.SHIFT, KeyCode.CONTROL);
    waitUntil(() -> !sheet.isVisible());
    // a plain ? outside the text field (Tab moved the focus on) opens it
    robot.type(KeyCode.TAB);
    waitUntil(() -> !text.isFocused());
    robot.write("?");
    waitUntil(sheet::isVisible);
    robot.type(KeyCode.ESCAPE);
    waitUntil(() -> !sheet.isVisible() && text.isFocused());
    assertEquals(2, selected(queue));
  }

  private static int selected(ListView<QueueItem> queue) {
    return queue.getSelectionModel().getSelectedIndex();
  }

  private static void ctrl(FxRobot robot, KeyCode k) {
    robot.press(KeyCode.CONTROL, k).release(k, KeyCode.CONTROL);
  }

  private static void alt(FxRobot robot, KeyCode k) {
    robot.press(KeyCode.ALT, k).release(k, KeyCode.ALT);
  }

  private static String label(long sampleId) {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      return ws.samples().get(sampleId).orElseThrow().label();
    }
  }

  private static List<LabelEntry> history(long sampleId) {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      return ws.labels().history(sampleId);
    }
  }
}
