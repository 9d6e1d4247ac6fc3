package io.maskocr.test.experiments;

import static io.maskocr.test.experiments.Screens.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.shell.MainWindow;
import io.maskocr.app.ui.shell.SettingsFile;
import io.maskocr.engine.study.StudyConfig;
import io.maskocr.engine.study.StudyReport;
import io.maskocr.engine.study.StudyReportWriter;
import io.maskocr.engine.study.StudyRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Studies tab lists a low-label report written by {@link StudyReportWriter} (from a hand-made
 * report, no training), shows its rows and plot, and refuses a bad study form with the field
 * named. Saves {@code experiments-studies.png}.
 */
@ExtendWith(ApplicationExtension.class)
class StudiesUiTest {
  @TempDir static Path tmp;
  private MainWindow window;

  @Start
  void start(Stage stage) {
    window = MainWindow.show(stage, tmp.resolve("workspace"), new SettingsFile(tmp.resolve("studio.json")));
  }

  static StudyReport report() {
    StudyConfig c = new StudyConfig("words", List.of(0.1, 1.0), List.of("scratch", "maskocr"), 2, 42, null);
    List<StudyRow> rows = new ArrayList<>();
    rows.add(new StudyRow("scratch", 0.1, 30, 1, List.of("finetune 200"), 110, true, 0.20, 0.15, 0.55, 100, null));
    rows.add(new StudyRow("maskocr", 0.1, 30, 2, List.of("mim 60", "milm 30", "finetune 110"), 118, false, 0.25, 0.2,
        0.61, 100, null));
    rows.add(new StudyRow("scratch", 1.0, 300, 3, List.of("finetune 200"), 112, true, 0.50, 0.44, 0.80, 100, null));
    rows.add(new StudyRow("maskocr", 1.0, 300, 4, List.of("mim 60"), 5, false, Double.NaN, Double.NaN, Double.NaN, 0,
        "out of memory"));
    Map<String, Double> cost = new LinkedHashMap<>();
    cost.put("finetune", 0.5);
    cost.put("mim", 0.4);
    return new StudyReport(c, "test machine", 2, "maskocr study lowlabel --dataset words", "2026-11-25T10:00:00Z",
        "2026-11-25T10:10:00Z", cost, 300, 100, rows);
  }

  @Test
  void theStudiesTabShowsTheReportsRowsAndPlot(FxRobot robot) throws Exception {
    waitUntil(() -> window.model().workspace() != null);
    Path root = window.model().workspace().root();
    StudyReportWriter.write(report(), root.resolve("studies").resolve("lowlabel-20261125-100000"));
    robot.clickOn("#nav-experiments");
    robot.clickOn("Studies");
    robot.clickOn("#studies-refresh");
    @SuppressWarnings("unchecked")
    TableView<Object> table = robot.lookup("#studies-table").queryAs(TableView.class);
    waitUntil(() -> table.getItems().size() == 4);
    assertEquals(List.of("recipe", "labels", "images", "run", "steps", "train s", "acc36", "acc full", "1-NED"),
        table.getColumns().stream().map(TableColumn::getText).toList());
    assertEquals(List.of("scratch", "10%", "30", "1", "finetune 200", "110", "20%", "15%", "0.550"), row(table, 0));
    assertEquals(List.of("maskocr", "10%", "30", "2", "mim 60; milm 30; finetune 110", "118", "25%*", "20%", "0.610"),
        row(table, 1));
    assertEquals("50%", row(table, 2).get(6));
    assertEquals("failed: out of memory", row(table, 3).get(6));
    ImageView plot = robot.lookup("#studies-plot").queryAs(ImageView.class);
    waitUntil(() -> plot.getImage() != null);
    assertTrue(plot.getImage().getWidth() > 100, "the accuracy plot is shown");

    // A bad form value is refused before anything runs, naming the field.
    robot.interact(() -> {
      robot.lookup("#studies-dataset").queryAs(TextField.class).setText("words");
      robot.lookup("#studies-fractions").queryAs(TextField.class).setText("0.1,2");
    });
    robot.clickOn("#studies-start");
    assertEquals("--fractions: each share must be in (0, 1], got 2.0",
        robot.lookup("#studies-message").queryAs(Label.class).getText());
    robot.interact(() -> {
      robot.lookup("#studies-fractions").queryAs(TextField.class).setText("0.1,1");
      robot.lookup("#studies-steps").queryAs(TextField.class).setText("scratch=100");
    });
    robot.clickOn("#studies-start");
    assertTrue(robot.lookup("#studies-message").queryAs(Label.class).getText()
        .startsWith("--steps gives no budget for recipe maskocr"), "a step budget must cover every recipe");
    robot.interact(() -> robot.lookup("#studies-steps").queryAs(TextField.class).setText(""));
    Screens.save(robot, window.scene(), "experiments-studies");
    assertNotNull(table.getPlaceholder());
  }

  private static List<String> row(TableView<Object> table, int i) {
    List<String> out = new ArrayList<>();
    for (TableColumn<Object, ?> c : table.getColumns()) {
      out.add(String.valueOf(c.getCellData(i)));
    }
    return out;
  }
}
