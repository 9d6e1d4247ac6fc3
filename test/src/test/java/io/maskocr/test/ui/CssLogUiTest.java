package io.maskocr.test.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.maskocr.app.ui.experiments.ExperimentsSection;
import io.maskocr.app.ui.shell.MainWindow;
import io.maskocr.app.ui.shell.SettingsFile;
import io.maskocr.viewers.charts.LiveChart;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A normal start logs no CSS warnings: the main window is built, every section and every
 * Experiments tab is opened (ChartFX charts with ControlsFX's range slider inside), and the
 * JavaFX CSS logger ({@code javafx.css}) must have said nothing at WARNING or above. It did
 * before studio.css defined the Modena colors that those libraries' stylesheets look up.
 */
@ExtendWith(ApplicationExtension.class)
class CssLogUiTest {
  /** Held strongly: java.util.logging forgets unreferenced loggers with their handlers. */
  private static final Logger CSS_LOG = Logger.getLogger("javafx.css");
  private static final List<String> WARNINGS = new CopyOnWriteArrayList<>();
  private static final Handler CAPTURE = new Handler() {
    @Override
    public void publish(LogRecord r) {
      if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
        WARNINGS.add(r.getMessage());
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  @TempDir static Path tmp;
  private MainWindow window;

  @BeforeAll
  static void capture() {
    CSS_LOG.addHandler(CAPTURE);
  }

  @AfterAll
  static void release() {
    CSS_LOG.removeHandler(CAPTURE);
  }

  @Start
  void start(Stage stage) {
    window = MainWindow.show(stage, tmp.resolve("ws"), new SettingsFile(tmp.resolve("studio.json")));
  }

  @Test
  void openingEverySectionAndTabLogsNoCssWarnings(FxRobot robot) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.model().workspace() != null);
    for (String section : List.of("Datasets", "Render", "Experiments", "Annotate", "Learn")) {
      robot.interact(() -> window.rail().select(section));
      if (section.equals("Experiments")) {
        var view = ((ExperimentsSection) window.rail().selectedProperty().get()).view();
        for (String tab : List.of("Runs", "Live", "Compare", "New run", "Studies")) {
          robot.interact(() -> view.showTab(tab));
        }
        robot.interact(() -> view.showTab("Live"));
        // Data in a chart: axes, grid lines and the legend get their styles too.
        robot.interact(() -> view.liveCharts().forEach(c -> {
          c.append("1 mim", 1, 0.5);
          c.append("1 mim", 2, 0.4);
        }));
      }
      WaitForAsyncUtils.waitForFxEvents();
      Thread.sleep(200);
    }
    robot.interact(() -> {
      // Every chart reached layout, so its stylesheet was applied.
      window.scene().getRoot().applyCss();
      window.scene().getRoot().lookupAll(".live-chart").forEach(n -> ((LiveChart) n).applyCss());
    });
    assertEquals(List.of(), WARNINGS, String.join("\n", WARNINGS));
  }
}
