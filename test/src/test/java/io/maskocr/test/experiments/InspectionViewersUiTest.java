package io.maskocr.test.experiments;

import static io.maskocr.test.experiments.Screens.waitUntil;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.data.Sample;
import io.maskocr.engine.infer.Prediction;
import io.maskocr.engine.infer.Recognizer;
import io.maskocr.engine.inspect.AttentionInspection;
import io.maskocr.engine.inspect.AttentionInspector;
import io.maskocr.engine.inspect.LoadedCheckpoint;
import io.maskocr.engine.inspect.Reconstruction;
import io.maskocr.engine.inspect.ReconstructionService;
import io.maskocr.engine.train.MaskStrategy;
import io.maskocr.viewers.attention.AttentionViewer;
import io.maskocr.viewers.recon.ReconstructionViewer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Drives the reconstruction and attention viewers with a real tiny model trained in set-up and
 * saves {@code recon*.png} and {@code attention*.png}.
 */
@ExtendWith(ApplicationExtension.class)
class InspectionViewersUiTest {
  private static LoadedCheckpoint checkpoint;
  private StackPane root;
  private Scene scene;

  @BeforeAll
  static void train() throws Exception {
    checkpoint = LoadedCheckpoint.open(TinyRun.trained());
  }

  @AfterAll
  static void close() {
    checkpoint.close();
  }

  @Start
  void start(Stage stage) {
    root = new StackPane();
    scene = new Scene(root, 1100, 720);
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void sliderChangesTheMaskAndTheSweepHasOneRowPerRatio(FxRobot robot) throws Exception {
    Sample s = TinyRun.sample(checkpoint.config(), "abcd");
    ReconstructionService service = new ReconstructionService(checkpoint);
    ReconstructionViewer[] viewer = new ReconstructionViewer[1];
    robot.interact(() -> {
      viewer[0] = new ReconstructionViewer(new ReconstructionViewer.Source() {
        @Override
        public Reconstruction reconstruct(double ratio, MaskStrategy strategy, long seed) {
          return service.reconstruct(s.pixels(), s.charSpans(), ratio, strategy, seed);
        }

        @Override
        public List<Reconstruction> sweep(MaskStrategy strategy, long seed) {
          return service.sweep(s.pixels(), s.charSpans(), strategy, seed);
        }
      }, "glyph word “abcd”, checkpoint " + checkpoint.id());
      root.getChildren().setAll(viewer[0]);
    });
    ReconstructionViewer v = viewer[0];
    waitUntil(() -> v.updatesProperty().get() >= 1);
    assertEquals(8, v.strip().shown().maskedCount(), "half of 16 patches hidden at ratio 0.5");

    int before = v.updatesProperty().get();
    robot.interact(() -> v.ratioSlider().setValue(0.8));
    waitUntil(() -> v.updatesProperty().get() > before && v.strip().shown().ratio() == 0.8);
    Reconstruction r = v.strip().shown();
    assertEquals(13, r.maskedCount());
    assertTrue(Double.isFinite(r.loss()) && r.loss() > 0, "loss " + r.loss());
    // Same seed, same mask: the service is deterministic.
    assertArrayEquals(r.masked(), service.reconstruct(s.pixels(), s.charSpans(), 0.8, MaskStrategy.RANDOM, 1).masked());

    // A burst of slider moves ends on the last value (latest wins).
    robot.interact(() -> {
      for (double x = 0.1; x <= 0.65; x += 0.05) {
        v.ratioSlider().setValue(x);
      }
      v.ratioSlider().setValue(0.3);
    });
    waitUntil(() -> v.strip().shown().ratio() == 0.3);

    robot.interact(v::runSweep);
    waitUntil(() -> v.sweep().rowCount() == ReconstructionService.SWEEP_RATIOS.size());
    assertEquals(9, v.sweep().rowCount());
    Screens.save(robot, scene, "recon");
    Path png = Path.of(System.getProperty("maskocr.repo", "."), "docs", "screenshots", "recon-sweep.png");
    Path[] written = new Path[1];
    robot.interact(() -> written[0] = v.exportPng(png).join());
    assertTrue(Files.size(written[0]) > 2_000);
    robot.interact(() -> v.strategyChoice().setValue(MaskStrategy.CHARACTER));
    waitUntil(() -> "character".equals(v.strip().shown().strategy()));
    Screens.save(robot, scene, "recon-character");
    robot.interact(v::close);
  }

  @Test
  void chipsEqualThePredictionAndTheHeatMapFollowsTheSelectedCharacter(FxRobot robot) throws Exception {
    Sample s = TinyRun.sample(checkpoint.config(), "face");
    AttentionInspection a = new AttentionInspector(checkpoint).inspect(s.pixels());
    try (Recognizer rec = Recognizer.load(TinyRun.trained())) {
      Prediction p = rec.predict(List.of(s.pixels())).get(0);
      assertEquals(p.text(), a.text(), "inspection reads like the recognizer");
    }
    assertTrue(a.text().length() >= 2, "tiny model reads at least two characters: '" + a.text() + "'");
    AttentionViewer v = new AttentionViewer();
    robot.interact(() -> {
      root.getChildren().setAll(v);
      v.show(a);
    });
    assertEquals(a.text(), v.chipText());
    assertEquals(0, v.selectedProperty().get());
    int[] first = Screens.argb(v.overlayImage());

    robot.clickOn(v).type(KeyCode.RIGHT);
    waitUntil(() -> v.selectedProperty().get() == 1);
    int[] second = Screens.argb(v.overlayImage());
    assertFalse(Arrays.equals(first, second), "the heat map changes with the selected character");
    assertEquals(3, a.characters().get(1).alternatives().size());
    Screens.save(robot, scene, "attention");

    robot.clickOn(".char-chip:last-child");
    robot.interact(() -> v.select(a.characters().size() - 1));
    assertEquals(a.characters().size() - 1, v.selectedProperty().get());
    robot.interact(() -> v.setAllCharacters(true));
    assertEquals(a.characters().size(), v.gridCellCount());
    Screens.save(robot, scene, "attention-all");
  }
}
