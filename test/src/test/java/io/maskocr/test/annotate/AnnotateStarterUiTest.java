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
  @TempDir static Path tmp;
  private MainWindow window;

  @BeforeAll
  static void seed() throws Exception {
    AnnotateSeed.settingsWithAnnotator(tmp);
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      Dataset d = ws.datasets().create("street");
      AnnotateSeed.addWords(ws, d.id(), i -> Split.TRAIN, i -> null);
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
        () -> queue.getItems().size() == AnnotateSeed.WORDS.size());
    Screens.save(robot, window.scene(), "annotate-starter");
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
}
