package io.maskocr.test.experiments;

import static io.maskocr.test.experiments.Screens.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.shell.MainWindow;
import io.maskocr.app.ui.shell.SettingsFile;
import io.maskocr.viewers.charts.LiveChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * End to end through the app window: two runs are queued from the new-run form (the second
 * waits), the dashboard receives the first run's events (curves, snapshots, progress), both
 * end up in the runs table, the compare tab overlays their curves, and the viewers open on a
 * run's latest checkpoint. Saves {@code experiments*.png}.
 */
@ExtendWith(ApplicationExtension.class)
class ExperimentsUiTest {
  @TempDir static Path tmp;
  private MainWindow window;

  @Start
  void start(Stage stage) {
    window = MainWindow.show(stage, tmp.resolve("workspace"), new SettingsFile(tmp.resolve("studio.json")));
  }

  /** A short recipe on the bundled rendered words, logging and snapshotting often. */
  static Path recipe(Path dir) throws Exception {
    Path words = Path.of(System.getProperty("maskocr.repo", "."), "samples", "datasets", "synth-words");
    String json = """
        {
          "name": "ui-test", "description": "two short stages on the bundled rendered words", "seed": 3,
          "model": { "preset": "tiny", "overrides": { "width": 48, "depth": 2, "heads": 2, "decoderDepth": 1,
            "decoderHeads": 2, "mimWidth": 32, "mimDepth": 1, "mimHeads": 2, "maxLength": 12, "charset": "latin36" } },
          "checkpointMinutes": 60, "logEvery": 2, "snapshotEvery": 4,
          "stages": [
            { "type": "mim", "steps": 40, "batchSize": 8, "lr": 0.002, "warmupSteps": 2,
              "mask": { "strategy": "random", "ratio": 0.5 }, "data": [ { "kind": "folder", "path": "%s" } ] },
            { "type": "finetune", "steps": 40, "batchSize": 8, "lr": 0.002, "warmupSteps": 2,
              "data": [ { "kind": "folder", "path": "%s" } ] }
          ]
        }
        """.formatted(words, words);
    Path f = dir.resolve("ui-test.json");
    Files.writeString(f, json);
    return f;
  }

  @Test
  void queuedRunsTrainOneAtATimeAndTheDashboardFollowsThem(FxRobot robot) throws Exception {
    Path recipe = recipe(tmp);
    waitUntil(() -> window.model().workspace() != null);
    robot.clickOn("#nav-experiments");
    robot.clickOn("New run");
    @SuppressWarnings("unchecked")
    ComboBox<String> recipes = robot.lookup("#newrun-recipe").queryAs(ComboBox.class);
    assertTrue(recipes.getItems().containsAll(List.of("quick", "maskocr-cpu", "scratch")), recipes.getItems().toString());
    robot.interact(() -> recipes.setValue(recipe.toString()));
    waitUntil(() -> robot.lookup("#newrun-stage-2").tryQuery().isPresent());

    // A bad value is refused with the stage and field named; fixing it enables the button.
    TextField name = robot.lookup("#newrun-name").queryAs(TextField.class);
    robot.interact(() -> robot.lookup("#newrun-seed").queryAs(TextField.class).setText("x1"));
    assertEquals("seed must be a whole number, got 'x1'", robot.lookup("#newrun-error").queryAs(Label.class).getText());
    robot.interact(() -> robot.lookup("#newrun-seed").queryAs(TextField.class).setText("3"));
    assertEquals("", robot.lookup("#newrun-error").queryAs(Label.class).getText());

    robot.interact(() -> name.setText("first"));
    robot.clickOn("#newrun-start");
    // Queuing switches to the Live tab; the dashboard receives the first run's events.
    waitUntil(() -> robot.lookup("#newrun-message").queryAs(Label.class).getText().startsWith("Queued run 1")
        && robot.lookup("#chart-loss").tryQuery().map(n -> n.isVisible() && n.getScene() != null).orElse(false));
    LiveChart loss = robot.lookup("#chart-loss").queryAs(LiveChart.class);
    Label status = robot.lookup("#dashboard-status").queryAs(Label.class);
    Screens.waitLong(() -> loss.pointCount("1 mim") >= 2, () -> "dashboard says: " + status.getText()
        + "; new run: " + robot.lookup("#newrun-error").queryAs(Label.class).getText()
        + robot.lookup("#newrun-message").queryAs(Label.class).getText());

    // Pause the first run, queue a second: it waits while the first is paused.
    robot.clickOn("#dashboard-pause");
    waitUntil(() -> !robot.lookup("#dashboard-resume").queryAs(javafx.scene.control.Button.class).isDisabled());
    robot.clickOn("New run");
    robot.interact(() -> {
      name.setText("second");
      robot.lookup("#newrun-seed").queryAs(TextField.class).setText("4");
    });
    robot.clickOn("#newrun-start");
    waitUntil(() -> robot.lookup("#newrun-message").queryAs(Label.class).getText().startsWith("Queued run 2"));
    robot.clickOn("Runs");
    @SuppressWarnings("unchecked")
    TableView<Object> table = robot.lookup("#runs-table").queryAs(TableView.class);
    Screens.waitLong(() -> statuses(table).equals(Set.of("PAUSED", "QUEUED")), () -> "statuses " + statuses(table)
        + "; " + robot.lookup("#runs-message").queryAs(Label.class).getText());
    int pausedPoints = loss.pointCount("1 mim") + loss.pointCount("2 finetune");
    Thread.sleep(1000);
    assertEquals(pausedPoints, loss.pointCount("1 mim") + loss.pointCount("2 finetune"), "a paused run does not train");

    robot.clickOn("Live");
    // Live names the waiting run and what it waits for, with Cancel beside it.
    waitUntil(() -> robot.lookup("#dashboard-queue").queryAs(Label.class).getText()
        .contains("run 2 is waiting for run 1"));
    assertTrue(robot.lookup("#dashboard-cancel-waiting").queryAs(javafx.scene.control.Button.class).isVisible());
    assertEquals("Cancel run 2",
        robot.lookup("#dashboard-cancel-waiting").queryAs(javafx.scene.control.Button.class).getText());
    robot.clickOn("#dashboard-resume");
    long t0 = System.nanoTime();
    Screens.waitLong(() -> status.getText().contains("completed") && status.getText().contains("Run 2"),
        () -> "dashboard says: " + status.getText());
    System.out.printf("both runs trained in %.1f s after the first points%n", (System.nanoTime() - t0) / 1e9);
    assertTrue(loss.pointCount("2 finetune") >= 4, "finetune points " + loss.pointCount("2 finetune"));
    assertTrue(robot.lookup("#dashboard-eta").queryAs(Label.class).getText().startsWith("step 80 / 80"));
    waitUntil(() -> robot.lookup(".reconstruction-strip").tryQuery().isPresent());
    Screens.save(robot, window.scene(), "experiments-live");

    robot.clickOn("Runs");
    robot.clickOn("Refresh");
    waitUntil(() -> statuses(table).equals(Set.of("COMPLETED")));
    robot.interact(() -> table.getSelectionModel().select(0));
    waitUntil(() -> robot.lookup("#run-detail").queryAs(javafx.scene.control.TextArea.class).getText()
        .contains("\"provenance\"") || robot.lookup("#run-detail").queryAs(javafx.scene.control.TextArea.class)
        .getText().contains("Provenance:"));
    @SuppressWarnings("unchecked")
    ComboBox<Object> diff = robot.lookup("#run-diff-with").queryAs(ComboBox.class);
    robot.interact(() -> diff.setValue(diff.getItems().get(1)));
    String diffText = robot.lookup("#run-detail").queryAs(javafx.scene.control.TextArea.class).getText();
    assertTrue(diffText.contains("seed: 4 vs 3") || diffText.contains("seed: 3 vs 4"), diffText);
    assertTrue(diffText.contains("Same: recipe, data, code, machine, init"), diffText);
    Screens.save(robot, window.scene(), "experiments-runs");

    robot.interact(() -> table.getSelectionModel().selectAll());
    robot.clickOn("#runs-compare");
    LiveChart compare = robot.lookup("#compare-chart").queryAs(LiveChart.class);
    waitUntil(() -> compare.seriesNames().size() == 2);
    robot.clickOn("#compare-by-time");
    waitUntil(() -> compare.seriesNames().size() == 2 && compare.pointCount(compare.seriesNames().iterator().next()) > 0);
    Screens.save(robot, window.scene(), "experiments-compare");

    robot.clickOn("Runs");
    robot.interact(() -> table.getSelectionModel().clearAndSelect(0));
    robot.clickOn("#runs-inspect");
    waitUntil(() -> Window.getWindows().size() > 1);
    Stage inspect = (Stage) Window.getWindows().stream().filter(w -> w != window.scene().getWindow())
        .findFirst().orElseThrow();
    waitUntil(() -> inspect.getScene().lookup(".reconstruction-strip") != null
        && inspect.getScene().lookup("#recon-loss") != null
        && ((Label) inspect.getScene().lookup("#recon-loss")).getText().startsWith("reconstruction loss"));
    Screens.save(robot, inspect.getScene(), "experiments-inspect");
    robot.interact(inspect::close);
  }

  private static Set<String> statuses(TableView<Object> table) {
    return table.getItems().stream().map(r -> ((io.maskocr.app.ui.experiments.RunRow) r).run().status().name())
        .collect(Collectors.toSet());
  }
}
