package io.maskocr.test.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.experiments.ExperimentsSection;
import io.maskocr.app.ui.experiments.ExperimentsView;
import io.maskocr.app.ui.shell.MainWindow;
import io.maskocr.app.ui.shell.SettingsFile;
import io.maskocr.engine.io.ImportRequest;
import io.maskocr.engine.io.Importer;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.Recipes;
import io.maskocr.test.experiments.Screens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Cell;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.text.Text;
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
 * Every section of the shell, and every Experiments tab, at the two window sizes we design for
 * (1280x800, a small laptop, and 1920x1080), and at the first-run size 1200x760: no button, tab
 * or column header shows an ellipsis, a label that does is only one whose full text is in its
 * tooltip, nothing is laid out past the window's right or bottom edge, and charts keep a margin
 * from the right edge. Saves {@code docs/screenshots/<section>-<size>.png} (1200x760 ones go to
 * target/screenshots).
 */
@ExtendWith(ApplicationExtension.class)
class DefaultSizeLayoutUiTest {
  /** 1200x760 is the first-run window (StudioSettings.defaults): checked, its screenshots go to target/. */
  private static final int[][] SIZES = {{1200, 760}, {1280, 800}, {1920, 1080}};
  /** Charts keep this margin from the window's right edge (the last tick label needs it). */
  private static final double CHART_MARGIN = 4;
  private static final List<String> SECTIONS = List.of("Datasets", "Render", "Experiments", "Annotate", "Learn");
  private static final List<String> EXPERIMENT_TABS = List.of("Runs", "Live", "Compare", "New run", "Studies");

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
  void everySectionLaysOutWithinTheWindowWithoutCutLabelsAtBothSizes(FxRobot robot) throws Exception {
    waitUntil(() -> window.model().workspace() != null);
    ExperimentsView experiments = trainOneShortRun(robot);
    List<String> problems = new ArrayList<>();
    for (int[] size : SIZES) {
      String suffix = size[0] + "x" + size[1];
      robot.interact(() -> {
        // At the screen's corner: a window reaching past the headless screen makes Monocle's
        // painter overflow its buffer (the screen is 1920x1080, see the parent pom).
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(size[0]);
        stage.setHeight(size[1]);
      });
      waitUntil(() -> Math.abs(window.scene().getWidth() - size[0]) < 1
          && Math.abs(stage.getHeight() - size[1]) < 1);
      for (String section : SECTIONS) {
        robot.interact(() -> window.rail().select(section));
        List<String> tabs = section.equals("Experiments") ? EXPERIMENT_TABS : List.of("");
        for (String tab : tabs) {
          if (!tab.isEmpty()) {
            robot.interact(() -> experiments.showTab(tab));
          }
          settle();
          String name = section.toLowerCase() + (tab.isEmpty() ? "" : "-" + tab.toLowerCase().replace(' ', '-'));
          if (size[0] == 1200) {
            saveToTarget(robot, name + "-" + suffix);
          } else {
            Screens.save(robot, window.scene(), name + "-" + suffix);
          }
          AtomicReference<List<String>> found = new AtomicReference<>();
          robot.interact(() -> found.set(layoutProblems(window.scene())));
          found.get().forEach(p -> problems.add(name + " at " + suffix + ": " + p));
          if (section.equals("Annotate")) {
            // The toolbar is a flow pane: at 1200 px its last button ("?") wrapped to a row of its own.
            double first = sceneY(robot.lookup("#annotate-dataset").query());
            double last = sceneY(robot.lookup("#annotate-help").query());
            if (Math.abs(first - last) > 10) {
              problems.add(name + " at " + suffix + ": the toolbar wraps (\"?\" at y=" + (int) last
                  + ", the dataset box at y=" + (int) first + ")");
            }
          }
        }
      }
    }
    assertEquals(List.of(), problems, String.join("\n", problems));
  }

  private static double sceneY(Node n) {
    return n.localToScene(n.getLayoutBounds()).getCenterY();
  }

  /** Queues a short run (two 40-step stages on the bundled words) so the charts and table hold data. */
  private ExperimentsView trainOneShortRun(FxRobot robot) throws Exception {
    robot.interact(() -> window.rail().select("Experiments"));
    ExperimentsView view = ((ExperimentsSection) window.rail().selectedProperty().get()).view();
    waitUntil(() -> view.launcher() != null);
    view.launcher().submit("layout", Recipes.load(recipe(tmp).toString()), List.of(), "", null,
        io.maskocr.engine.train.TrainingOptions.unlimited().inBackground());
    WaitForAsyncUtils.waitFor(240, TimeUnit.SECONDS,
        () -> view.dashboard().statusProperty().get().contains("completed"));
    robot.interact(() -> view.runs().refresh());
    waitUntil(() -> view.runs().rows().size() == 1);
    return view;
  }

  private void saveToTarget(FxRobot robot, String name) throws Exception {
    AtomicReference<javafx.scene.image.WritableImage> shot = new AtomicReference<>();
    robot.interact(() -> shot.set(window.scene().snapshot(null)));
    Path out = Path.of("target", "screenshots", name + ".png");
    Files.createDirectories(out.getParent());
    javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(shot.get(), null), "png", out.toFile());
  }

  /** Two short stages on the bundled rendered words (the recipe of ExperimentsUiTest). */
  private static Path recipe(Path dir) throws Exception {
    Path words = Path.of(System.getProperty("maskocr.repo", "."), "samples", "datasets", "synth-words");
    String json = """
        {
          "name": "layout", "description": "two short stages on the bundled rendered words", "seed": 3,
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
    Path f = dir.resolve("layout.json");
    Files.writeString(f, json);
    return f;
  }

  /** Waits for the UI thread, background loads and a couple of chart redraws. */
  private static void settle() throws Exception {
    for (int i = 0; i < 3; i++) {
      WaitForAsyncUtils.waitForFxEvents();
      Thread.sleep(300);
    }
  }

  /**
   * What a person would see as broken: a labeled control showing an ellipsis (allowed only for
   * data in list/table cells and for labels whose tooltip holds the full text), and a visible
   * node that reaches past the window's right or bottom edge (content inside a scroll pane or a
   * clipped area scrolls, so it is not checked).
   */
  static List<String> layoutProblems(Scene scene) {
    List<String> out = new ArrayList<>();
    walk(scene.getRoot(), scene, true, out);
    return out;
  }

  private static void walk(Node node, Scene scene, boolean checkBounds, List<String> out) {
    if (!node.isVisible() || node.getOpacity() == 0) {
      return;
    }
    if (node instanceof Labeled l && !(node instanceof Cell<?>) && !insideCell(node)) {
      String shown = shownText(l);
      String text = l.getText();
      if (text != null && !text.isEmpty() && shown != null && !shown.equals(text)) {
        Tooltip tip = l.getTooltip();
        boolean explained = l instanceof javafx.scene.control.Label && tip != null && tip.getText() != null
            && tip.getText().contains(text);
        if (!explained) {
          out.add(describe(node) + " shows \"" + shown + "\" for \"" + text + "\"");
        }
      }
    }
    if (node.getStyleClass().contains("live-chart")) {
      Bounds c = node.localToScene(node.getLayoutBounds());
      if (c.getMaxX() > scene.getWidth() - CHART_MARGIN) {
        out.add(describe(node) + " reaches x=" + (int) c.getMaxX() + ", into the window's right edge ("
            + (int) scene.getWidth() + ")");
      }
    }
    if (checkBounds) {
      Bounds b = node.localToScene(node.getLayoutBounds());
      if (b != null && b.getWidth() > 0
          && (b.getMaxX() > scene.getWidth() + 1 || b.getMaxY() > scene.getHeight() + 1)) {
        out.add(describe(node) + " ends at " + (int) b.getMaxX() + "x" + (int) b.getMaxY()
            + ", past the " + (int) scene.getWidth() + "x" + (int) scene.getHeight() + " window");
        checkBounds = false; // its children say the same
      }
    }
    if (node instanceof ScrollPane || node.getClip() != null
        || node.getClass().getName().endsWith("VirtualFlow")) {
      checkBounds = false; // scrolled or clipped: what is out of view is not cut
    }
    if (node instanceof Parent p) {
      for (Node child : p.getChildrenUnmodifiable()) {
        walk(child, scene, checkBounds, out);
      }
    }
  }

  private static boolean insideCell(Node node) {
    for (Node n = node.getParent(); n != null; n = n.getParent()) {
      if (n instanceof Cell<?>) {
        return true;
      }
    }
    return false;
  }

  /** The text the skin draws (LabeledText, ellipsized when it does not fit), or null. */
  private static String shownText(Labeled l) {
    for (Node child : l.getChildrenUnmodifiable()) {
      if (child instanceof Text t && child.getStyleClass().contains("text")) {
        return t.getText();
      }
    }
    return null;
  }

  private static String describe(Node n) {
    String id = n.getId() != null ? "#" + n.getId() : "";
    String text = n instanceof Labeled l && l.getText() != null ? " \"" + l.getText() + "\"" : "";
    return n.getClass().getSimpleName() + id + text;
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
  }

}
