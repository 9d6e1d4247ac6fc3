package io.maskocr.app.ui.learn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.task.CurrentThreadTaskExecutor;
import io.maskocr.engine.learn.LearnProgress;
import io.maskocr.engine.learn.LearnProgressFile;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Step navigation, persistence and picture choice, without a window and without a model. */
class LearnViewModelTest {
  @TempDir Path tmp;

  private static LearnViewModel model(CurrentThreadTaskExecutor ex) {
    return new LearnViewModel(ex, (ws, ctx) -> {
      throw new IllegalStateException("no model in this test");
    }, LearnSteps.COUNT);
  }

  @Test
  void nextAndBackStayInsideTheStepsAndEveryMoveIsSaved() throws Exception {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      LearnViewModel m = model(new CurrentThreadTaskExecutor());
      m.attach(ws);
      assertEquals(0, m.stepProperty().get());
      assertEquals("sample:0", m.inputProperty().get().image().source());
      assertTrue(m.modelStatusProperty().get().startsWith("no model"), m.modelStatusProperty().get());
      assertNull(m.inputProperty().get().session(), "steps without a model still get the picture");
      m.back();
      assertEquals(0, m.stepProperty().get());
      for (int i = 0; i < 20; i++) {
        m.next();
      }
      assertEquals(LearnSteps.COUNT - 1, m.stepProperty().get());
      m.goTo(3);
      assertEquals(3, new LearnProgressFile(ws.root()).load().step());
    }
  }

  @Test
  void aNewSessionResumesTheSavedStepAndPicture() throws Exception {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      new LearnProgressFile(ws.root()).save(new LearnProgress(5, "sample:2"));
      LearnViewModel m = model(new CurrentThreadTaskExecutor());
      m.attach(ws);
      assertEquals(5, m.stepProperty().get());
      assertEquals("sample:2", m.inputProperty().get().image().source());
      assertEquals(m.samplesProperty().get().entries().get(2).label(), m.inputProperty().get().image().label());
      var c = m.inputProperty().get().config();
      assertEquals(c.pixelCount(), m.inputProperty().get().sample().pixels().length, "resized to the model input");
    }
  }

  @Test
  void anUnreadablePictureIsReportedByNameAndTheOldOneKept() throws Exception {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      LearnViewModel m = model(new CurrentThreadTaskExecutor());
      m.attach(ws);
      Path bad = tmp.resolve("holiday.png");
      Files.writeString(bad, "not an image");
      m.useFile(bad);
      assertTrue(m.errorProperty().get().contains("holiday.png"), m.errorProperty().get());
      assertEquals("sample:0", m.inputProperty().get().image().source());
      m.useSample(4);
      assertEquals("", m.errorProperty().get());
      assertEquals("sample:4", new LearnProgressFile(ws.root()).load().image());
    }
  }

  @Test
  void aSavedPictureThatIsGoneFallsBackToTheFirstSample() throws Exception {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      new LearnProgressFile(ws.root()).save(new LearnProgress(2, tmp.resolve("deleted.png").toString()));
      LearnViewModel m = model(new CurrentThreadTaskExecutor());
      m.attach(ws);
      assertEquals(2, m.stepProperty().get());
      assertEquals("sample:0", m.inputProperty().get().image().source());
    }
  }
}
