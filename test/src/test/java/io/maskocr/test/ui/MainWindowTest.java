package io.maskocr.test.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.shell.MainWindow;
import io.maskocr.app.ui.shell.Sections;
import io.maskocr.app.ui.shell.SettingsFile;
import io.maskocr.app.ui.shell.StudioSettings;
import io.maskocr.engine.io.ImportRequest;
import io.maskocr.engine.io.Importer;
import io.maskocr.engine.store.Workspace;
import io.maskocr.viewers.grid.ThumbnailGrid;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
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

/** The shell around the sections: status bar, shortcuts, search, remembered window. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
  @TempDir static Path tmp;
  private MainWindow window;
  private Stage stage;

  @BeforeAll
  static void seed() throws Exception {
    Path words = WordImages.write(tmp.resolve("signs"), WordImages.WORDS, 11);
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      new Importer(ws).run(new ImportRequest(words, "signs", null, null, "{label}.png"), null, null);
    }
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
    window = MainWindow.show(stage, tmp.resolve("ws"), new SettingsFile(tmp.resolve("studio.json")));
  }

  @Test
  void statusBarShowsTheWorkspaceAndTheRailOneButtonPerSection(FxRobot robot) throws Exception {
    waitUntil(() -> window.model().workspace() != null);
    assertEquals(tmp.resolve("ws").toString(),
        robot.lookup("#status-workspace").queryAs(Label.class).getText());
    // One rail button per registered section (others add theirs), Datasets first and open.
    assertEquals(Sections.all(window.model()).size(),
        robot.lookup(".nav-rail-button").queryAll().size());
    assertTrue(robot.lookup("#nav-datasets").queryAs(ToggleButton.class).isSelected());
  }

  @Test
  void ctrlFFocusesTheSearchAndTypingFiltersTheGridAfterAPause(FxRobot robot) throws Exception {
    @SuppressWarnings("unchecked")
    ThumbnailGrid<Object> grid = robot.lookup("#sample-grid").queryAs(ThumbnailGrid.class);
    waitUntil(() -> grid.itemCountProperty().get() == WordImages.WORDS.size());
    robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
    TextField search = robot.lookup("#search-field").queryAs(TextField.class);
    waitUntil(search::isFocused);
    robot.write("exit");
    // Label search ignores ASCII case (SQLite LIKE): "exit" also finds "EXIT".
    long expected = WordImages.WORDS.stream().filter(w -> w.toLowerCase().contains("exit")).count();
    Label summary = robot.lookup("#grid-summary").queryAs(Label.class);
    // Both change in one UI-thread update; this thread may look in between, so wait for both.
    waitUntil(() -> grid.itemCountProperty().get() == expected
        && summary.getText().equals(expected + " samples matching \"exit\""));
  }

  @Test
  void ctrlIOpensTheImportDialog(FxRobot robot) throws Exception {
    waitUntil(() -> window.model().workspace() != null);
    robot.clickOn("#sample-grid");
    robot.press(KeyCode.CONTROL, KeyCode.I).release(KeyCode.I, KeyCode.CONTROL);
    waitUntil(() -> robot.lookup("#import-source").tryQuery().isPresent());
    robot.clickOn("#import-close");
    waitUntil(() -> robot.lookup("#import-source").tryQuery().isEmpty());
  }

  @Test
  void closingTheWindowRemembersItsBoundsAndTheWorkspace(FxRobot robot) throws Exception {
    waitUntil(() -> window.model().workspace() != null);
    robot.interact(() -> {
      Platform.setImplicitExit(false); // keep the toolkit for the other tests
      stage.setX(40);
      stage.setY(30);
      stage.setWidth(1000);
      stage.setHeight(700);
      stage.close();
    });
    StudioSettings saved = StudioSettings.load(tmp.resolve("studio.json"));
    assertEquals(List.of(40.0, 30.0, 1000.0, 700.0),
        List.of(saved.x(), saved.y(), saved.width(), saved.height()));
    assertEquals(tmp.resolve("ws").toString(), saved.lastWorkspace());
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
  }
}
