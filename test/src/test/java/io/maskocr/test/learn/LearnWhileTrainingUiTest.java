package io.maskocr.test.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.learn.LearnView;
import io.maskocr.app.ui.learn.LearnViewModel;
import io.maskocr.app.ui.task.FxTaskExecutor;
import io.maskocr.engine.annotate.CheckpointRef;
import io.maskocr.engine.learn.LearnModel;
import io.maskocr.engine.learn.LearnSession;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.run.RunLauncher;
import io.maskocr.engine.run.Ticket;
import io.maskocr.engine.train.TrainingEvent;
import io.maskocr.engine.train.TrainingOptions;
import io.maskocr.test.experiments.Screens;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Opening Learn while a run trains (the bug: "training the Learn model failed at step 0: A
 * PtGradientCollector is already collecting"). Learn's first model now waits in the one training
 * queue and says so, then trains; and Learn's ODM step, which fits a small head with gradients,
 * works while another run trains.
 */
@ExtendWith(ApplicationExtension.class)
class LearnWhileTrainingUiTest {
  @TempDir Path tmp;
  private Workspace workspace;
  private FxTaskExecutor executor;
  private LearnView view;
  private Scene scene;

  @Start
  void start(Stage stage) {
    workspace = Workspace.open(tmp.resolve("ws"));
    executor = new FxTaskExecutor(3);
    // Learn's own model path (an installation without the starter): it must train through the queue.
    LearnViewModel.ModelProvider provider = (ws, ctx) -> {
      CheckpointRef ref = LearnModel.ensure(ws, LearnFixtures.tinyQuick(20), (s, total, msg) -> {
        ctx.progress(s, total);
        ctx.message(msg);
      }, ctx::isCancelled);
      return LearnSession.open(ref.directory());
    };
    view = LearnView.standard(new LearnViewModel(executor, provider, 8), executor);
    scene = new Scene((javafx.scene.Parent) view.node(), 1280, 800);
    scene.getStylesheets().add(getClass().getResource("/io/maskocr/app/ui/studio.css").toExternalForm());
    stage.setScene(scene);
    stage.setWidth(1280);
    stage.setHeight(800);
    stage.show();
  }

  @AfterEach
  void close() {
    view.close();
    executor.close();
    RunLauncher.of(workspace).close();
    workspace.close();
  }

  @Test
  void learnWaitsForTheTrainingRunThenTrainsAndItsOdmStepWorksWhileAnotherRunTrains(FxRobot robot) throws Exception {
    RunLauncher launcher = RunLauncher.of(workspace);
    Ticket first = launcher.submit("experiment", LearnFixtures.tinyQuick(400), List.of(), "", null,
        TrainingOptions.unlimited());
    LearnWalkthroughUiTest.waitUntil(() -> first.state() == Ticket.State.TRAINING);

    LearnViewModel m = view.model();
    robot.interact(() -> m.attach(workspace));
    AtomicReference<String> seen = new AtomicReference<>("");
    LearnWalkthroughUiTest.waitUntil(() -> {
      seen.set(m.modelStatusProperty().get());
      return seen.get().contains("waiting for run " + first.runId());
    });
    assertTrue(robot.lookup("#learn-model-cancel").queryButton().isVisible(), "Cancel is offered while Learn waits");
    Screens.save(robot, scene, "learn-waiting");
    assertEquals(Ticket.State.TRAINING, first.state(), "Learn did not interrupt the run");
    first.cancel(); // the user stops the experiment: Learn's model takes its turn
    assertInstanceOf(TrainingEvent.Finished.class, first.awaitEnd(2, TimeUnit.MINUTES));
    LearnWalkthroughUiTest.waitUntil(() -> m.inputProperty().get() != null && m.inputProperty().get().hasModel());
    assertEquals("", m.errorProperty().get());

    // Another run trains while Learn's ODM step fits its head: they take turns step by step.
    Ticket second = launcher.submit("experiment 2", LearnFixtures.tinyQuick(60), List.of(), "", null,
        TrainingOptions.unlimited());
    LearnWalkthroughUiTest.waitUntil(() -> second.state() == Ticket.State.TRAINING);
    robot.interact(() -> m.goTo(7));
    var config = m.inputProperty().get().config();
    LearnWalkthroughUiTest.waitUntil(() -> view.step(7).factsProperty().get()
        .contains("Clean target (" + config.imageHeight() + ", " + config.imageWidth() + ")"));
    TrainingEvent end = second.awaitEnd(3, TimeUnit.MINUTES);
    assertTrue(end instanceof TrainingEvent.Finished f && f.completed(), "the run completed: " + end);
  }
}
