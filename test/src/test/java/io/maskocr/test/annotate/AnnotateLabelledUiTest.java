package io.maskocr.test.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.shell.MainWindow;
import io.maskocr.app.ui.shell.SettingsFile;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.LabelEntry;
import io.maskocr.engine.store.LabelSource;
import io.maskocr.engine.store.LabelState;
import io.maskocr.engine.store.NewSample;
import io.maskocr.engine.store.QueueItem;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import io.maskocr.test.experiments.Screens;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
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
 * An imported, labelled dataset predicted with the bundled starter model: a labelled item
 * opens with its label in the field and the model's reading beside it (Ctrl+M takes it, Enter
 * alone keeps the label); an unlabelled item opens with the model's reading as before. The
 * starter reads only {@code [0-9a-z]}, so it can never read the imported
 * "aishahaleyes.blogspot.com" right. Saves {@code docs/screenshots/annotate-labelled.png}.
 */
@ExtendWith(ApplicationExtension.class)
class AnnotateLabelledUiTest {
  private static final String GOOD = "aishahaleyes.blogspot.com";
  @TempDir static Path tmp;
  private MainWindow window;

  @BeforeAll
  static void seed() throws Exception {
    AnnotateSeed.settingsWithAnnotator(tmp);
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      Dataset d = ws.datasets().create("imported");
      byte[] png = AnnotateSeed.png(GOOD);
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
      ws.images().put(sha, "png", png);
      ws.samples().addBatch(d.id(), List.of(new NewSample(sha, "png", 20 + 18 * GOOD.length(), 40, "blog.png",
          Split.TRAIN, GOOD)), "import");
      // the first ten words come with their labels, the rest without
      AnnotateSeed.addWords(ws, d.id(), i -> Split.TRAIN, i -> i < 10 ? AnnotateSeed.WORDS.get(i) : null);
    }
  }

  @Start
  void start(Stage stage) {
    window = MainWindow.show(stage, tmp.resolve("ws"), new SettingsFile(tmp.resolve("studio.json")));
  }

  @Test
  void aLabelledItemKeepsItsLabelInTheFieldAndOffersTheReadingOnCtrlM(FxRobot robot) throws Exception {
    AnnotateUiTest.waitUntil(() -> window.model().workspace() != null);
    robot.clickOn("#nav-annotate");
    @SuppressWarnings("unchecked")
    ComboBox<String> checkpoint = robot.lookup("#annotate-checkpoint").queryAs(ComboBox.class);
    AnnotateUiTest.waitUntil(() -> checkpoint.getValue() != null);
    robot.clickOn("#annotate-predict");
    @SuppressWarnings("unchecked")
    ListView<QueueItem> queue = robot.lookup("#annotate-queue").queryAs(ListView.class);
    WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> queue.getItems().size() == AnnotateSeed.WORDS.size() + 1);
    TextField text = robot.lookup("#annotate-text").queryAs(TextField.class);
    Button take = robot.lookup("#annotate-take-reading").queryAs(Button.class);

    WaitForAsyncUtils.waitForFxEvents(); // the queue fills and shows its first item in one UI-thread step
    // walk the queue (Alt+→) to the imported domain name
    for (int n = 0; n < queue.getItems().size() && !GOOD.equals(current(queue).sample().label()); n++) {
      robot.press(KeyCode.ALT, KeyCode.RIGHT).release(KeyCode.RIGHT, KeyCode.ALT);
      WaitForAsyncUtils.waitForFxEvents();
    }
    QueueItem blog = current(queue);
    String reading = blog.prediction().text();
    assertEquals(GOOD, blog.sample().label());
    assertNotEquals(GOOD, reading, "latin36 has no '.'");
    assertEquals(GOOD, text.getText(), "the field holds the good label, not the model's reading");
    assertTrue(take.isVisible(), "the reading is offered beside the label");
    assertTrue(take.getText().contains("\"" + reading + "\"") && take.getText().endsWith("^M"), take.getText());
    Screens.save(robot, window.scene(), "annotate-labelled");

    // Ctrl+M takes the reading, Ctrl+M again brings the label back; Enter keeps the good label
    robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
    AnnotateUiTest.waitUntil(() -> text.getText().equals(reading));
    robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
    AnnotateUiTest.waitUntil(() -> text.getText().equals(GOOD));
    robot.type(KeyCode.ENTER);
    AnnotateUiTest.waitUntil(() -> currentLabel(blog.sample().id()).source() == LabelSource.HUMAN);
    assertEquals(GOOD, currentLabel(blog.sample().id()).text(), "confirmed, not overwritten");

    // an unlabelled item: the field holds the model's reading as before, nothing is offered
    @SuppressWarnings("unchecked")
    ComboBox<LabelState> state = robot.lookup("#annotate-label-state").queryAs(ComboBox.class);
    robot.interact(() -> state.setValue(LabelState.UNLABELLED));
    AnnotateUiTest.waitUntil(() -> !queue.getItems().isEmpty() && current(queue) != null
        && current(queue).sample().label() == null);
    QueueItem open = current(queue);
    AnnotateUiTest.waitUntil(() -> text.getText().equals(open.prediction().text()));
    assertFalse(take.isVisible(), "nothing to offer for an unlabelled item");
    robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
    WaitForAsyncUtils.waitForFxEvents();
    assertEquals(open.prediction().text(), text.getText());
  }

  private static LabelEntry currentLabel(long sampleId) {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      return ws.labels().current(sampleId).orElseThrow();
    }
  }

  private static QueueItem current(ListView<QueueItem> queue) {
    return queue.getSelectionModel().getSelectedItem();
  }
}
