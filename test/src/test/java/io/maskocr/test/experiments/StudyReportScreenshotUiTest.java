package io.maskocr.test.experiments;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.maskocr.app.ui.shell.MainWindow;
import io.maskocr.app.ui.shell.SettingsFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opt-in: shows a real study of a real workspace in the Studies view and saves
 * {@code docs/screenshots/<name>.png}. Run with {@code -Dmaskocr.studies.workspace=DIR
 * -Dmaskocr.studies.shot=NAME}; skipped otherwise (CI has no such workspace).
 */
@ExtendWith(ApplicationExtension.class)
class StudyReportScreenshotUiTest {
  private static final String WORKSPACE = System.getProperty("maskocr.studies.workspace", "");
  @TempDir Path tmp;
  private MainWindow window;

  @Start
  void start(Stage stage) {
    if (!WORKSPACE.isBlank()) {
      window = MainWindow.show(stage, Path.of(WORKSPACE), new SettingsFile(tmp.resolve("studio.json")));
      stage.setWidth(1600);
      stage.setHeight(900);
    }
  }

  @Test
  void theStudiesViewShowsTheWorkspacesStudy(FxRobot robot) throws Exception {
    assumeTrue(!WORKSPACE.isBlank() && Files.isDirectory(Path.of(WORKSPACE, "studies")),
        "set -Dmaskocr.studies.workspace to a workspace with studies/");
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.model().workspace() != null);
    robot.clickOn("#nav-experiments");
    robot.clickOn("Studies");
    robot.clickOn("#studies-refresh");
    @SuppressWarnings("unchecked")
    ListView<Object> list = robot.lookup("#studies-list").queryAs(ListView.class);
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !list.getItems().isEmpty());
    robot.interact(() -> list.getSelectionModel().select(0));
    @SuppressWarnings("unchecked")
    TableView<Object> table = robot.lookup("#studies-table").queryAs(TableView.class);
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
    ImageView plot = robot.lookup("#studies-plot").queryAs(ImageView.class);
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> plot.getImage() != null);
    WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
    Screens.save(robot, window.scene(), System.getProperty("maskocr.studies.shot", "experiments-studies-real"));
  }
}
