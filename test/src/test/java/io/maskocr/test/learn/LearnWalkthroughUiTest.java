package io.maskocr.test.learn;

import io.maskocr.test.experiments.Screens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.learn.LearnView;
import io.maskocr.app.ui.learn.LearnViewModel;
import io.maskocr.app.ui.task.FxTaskExecutor;
import io.maskocr.engine.learn.LearnProgressFile;
import io.maskocr.engine.store.Workspace;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Walks through all eight Learn steps with a bundled sample and a tiny model trained in set-up,
 * by keyboard, checks each step's real numbers and saves {@code docs/screenshots/learn-*.png}.
 */
@ExtendWith(ApplicationExtension.class)
class LearnWalkthroughUiTest {
  private static final String[] SHOTS = {"learn-1-patches", "learn-2-masking", "learn-3-reconstruction",
      "learn-4-rendering", "learn-5-milm", "learn-6-attention", "learn-7-confidence", "learn-8-odm"};
  @TempDir static Path tmp;
  private static Workspace workspace;
  private FxTaskExecutor executor;
  private LearnView view;
  private Scene scene;

  /**
   * Names a workspace whose trained model the walk-through uses instead of the 30-step one
   * (a copy is used, so the workspace itself is not changed). README's screenshots come from
   * a workspace where the app's {@code quick} recipe ran: a model that reads.
   */
  static final String MODEL_WORKSPACE_PROPERTY = "maskocr.learn.workspace";

  @BeforeAll
  static void trainTinyModel() throws Exception {
    String given = System.getProperty(MODEL_WORKSPACE_PROPERTY, "");
    Path root = tmp.resolve("ws");
    if (!given.isBlank()) {
      LearnFixtures.copyTree(Path.of(given), root);
    }
    workspace = Workspace.open(root);
    // A few steps keep the test fast; that model reads little (nothing is trained when a
    // given workspace already has a checkpoint).
    LearnFixtures.train(workspace, 30);
  }

  @AfterEach
  void closeView() {
    view.close();
    executor.close();
  }

  @AfterAll
  static void closeWorkspace() {
    workspace.close();
  }

  @Start
  void start(Stage stage) {
    executor = new FxTaskExecutor(3);
    view = LearnView.standard(new LearnViewModel(executor, LearnViewModel.standardProvider(), 8), executor);
    scene = new Scene((javafx.scene.Parent) view.node(), 1280, 800);
    scene.getStylesheets().add(getClass().getResource("/io/maskocr/app/ui/studio.css").toExternalForm());
    javafx.application.Application.setUserAgentStylesheet(
        new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    stage.setScene(scene);
    stage.setWidth(1280); // TestFX reuses one stage: size it, or the scene keeps an earlier size
    stage.setHeight(800);
    stage.show();
    view.model().attach(workspace);
  }

  @Test
  void keyboardWalksEveryStepWithRealNumbersAndResumes(FxRobot robot) throws Exception {
    LearnViewModel m = view.model();
    waitUntil(() -> m.inputProperty().get() != null && m.inputProperty().get().hasModel());
    // Another test may have left a picture and step in the workspace: start from sample 1, step 1.
    robot.interact(() -> {
      m.useSample(0);
      m.goTo(0);
    });
    waitUntil(() -> m.inputProperty().get().image().source().equals("sample:0") && m.inputProperty().get().hasModel());
    assertEquals(0, m.stepProperty().get());
    var config = m.inputProperty().get().config();

    // 1: patches, with the patch width dragged to 8
    waitFacts(robot, 0, "patches of");
    assertTrue(facts(0).contains(config.patchCount() + " patches of " + config.patchHeight() + "x" + config.patchWidth()),
        facts(0));
    robot.interact(() -> robot.lookup("#learn-patch-width").queryAs(Slider.class).setValue(3)); // divisors 1,2,4,8
    waitFacts(robot, 0, "16 patches of 32x8");
    shot(robot, 0);

    robot.clickOn("#learn-explanation").type(KeyCode.PAGE_DOWN);
    waitUntil(() -> m.stepProperty().get() == 1);
    robot.interact(() -> robot.lookup("#learn-mask-ratio").queryAs(Slider.class).setValue(0.7));
    int hidden = (int) Math.round(0.7 * config.patchCount());
    waitFacts(robot, 1, hidden + " hidden, " + (config.patchCount() - hidden) + " visible");
    shot(robot, 1);

    for (int i = 2; i < 8; i++) {
      robot.press(KeyCode.ALT).press(KeyCode.RIGHT).release(KeyCode.RIGHT).release(KeyCode.ALT);
      int step = i;
      waitUntil(() -> m.stepProperty().get() == step);
      waitFacts(robot, i, switch (i) {
        case 2 -> "Loss on the hidden patches";
        case 3 -> "character box";
        case 4 -> "logits (1, " + config.queryCount();
        case 5 -> "cross-attention (1, " + config.queryCount() + ", " + config.patchCount() + ")";
        case 6 -> "bundled samples";
        default -> "Clean target (" + config.imageHeight() + ", " + config.imageWidth() + ")";
      });
      shot(robot, i);
    }
    robot.press(KeyCode.ALT).press(KeyCode.RIGHT).release(KeyCode.RIGHT).release(KeyCode.ALT);
    assertEquals(7, m.stepProperty().get(), "next stops at the last step");
    robot.type(KeyCode.PAGE_UP);
    waitUntil(() -> m.stepProperty().get() == 6);

    // Resumable: the step is saved in the workspace and a new view model restores it.
    Path saved = workspace.root().resolve(LearnProgressFile.NAME);
    waitUntil(() -> Files.isRegularFile(saved) && new LearnProgressFile(workspace.root()).load().step() == 6);
    LearnViewModel again = new LearnViewModel(executor, (ws, ctx) -> {
      throw new IllegalStateException("this test needs no model");
    }, 8);
    robot.interact(() -> again.attach(workspace));
    waitUntil(() -> again.inputProperty().get() != null);
    assertEquals(6, again.stepProperty().get());
  }

  @Test
  void ownPictureReplacesTheSample(FxRobot robot) throws Exception {
    LearnViewModel m = view.model();
    waitUntil(() -> m.inputProperty().get() != null);
    Path own = tmp.resolve("sign.png");
    BufferedImage img = new BufferedImage(300, 80, BufferedImage.TYPE_INT_RGB);
    java.awt.Graphics2D g = img.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, 300, 80);
    g.setColor(java.awt.Color.BLACK);
    g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 48));
    g.drawString("EXIT", 60, 60);
    g.dispose();
    ImageIO.write(img, "png", own.toFile());
    robot.interact(() -> m.useFile(own));
    waitUntil(() -> m.inputProperty().get().image().source().equals(own.toAbsolutePath().toString()));
    assertEquals(32 * 128, m.inputProperty().get().sample().pixels().length, "resized to the model input");
    assertEquals(own.toAbsolutePath().toString(), new LearnProgressFile(workspace.root()).load().image());

    Path bad = tmp.resolve("notes.png");
    Files.writeString(bad, "not a picture");
    robot.interact(() -> m.useFile(bad));
    waitUntil(() -> !m.errorProperty().get().isEmpty());
    assertTrue(m.errorProperty().get().contains("notes.png"), m.errorProperty().get());
    assertEquals(own.toAbsolutePath().toString(), m.inputProperty().get().image().source(), "the picture is kept");
    assertNotNull(robot.lookup("#learn-error").queryAs(Label.class).getText());
  }

  private String facts(int step) {
    return view.step(step).factsProperty().get();
  }

  private void waitFacts(FxRobot robot, int step, String part) throws Exception {
    try {
      waitUntil(() -> facts(step).contains(part));
    } catch (Exception e) {
      throw new AssertionError("step " + (step + 1) + " never showed '" + part + "'; facts: " + facts(step), e);
    }
  }

  private void shot(FxRobot robot, int step) throws Exception {
    WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // let images and layout settle
    Screens.save(robot, scene, SHOTS[step]);
  }

  static void waitUntil(Callable<Boolean> condition) throws Exception {
    WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, condition);
  }
}
