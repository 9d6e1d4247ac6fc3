package io.maskocr.app.ui.learn;

import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.learn.LearnFacts;
import io.maskocr.engine.pretrain.SyntheticText;
import io.maskocr.renderer.CharBox;
import io.maskocr.renderer.RenderedSample;
import io.maskocr.viewers.render.PreviewCell;
import io.maskocr.viewers.render.RenderPreview;
import io.maskocr.viewers.render.RenderPreviewModel;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * Step 4: synthetic words from the renderer with one box per character, with the renderer's
 * own controls. The fonts load once, off the UI thread.
 */
final class RenderStep extends LearnStep {
  private final TaskExecutor executor;
  private final StackPane root = new StackPane(new Label("loading fonts…"));
  private final ExecutorService renderThread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "maskocr-learn-render");
    t.setDaemon(true);
    return t;
  });
  private RenderPreviewModel model;
  private boolean loading;

  RenderStep(StepInfo info, TaskExecutor executor) {
    super(info);
    this.executor = executor;
  }

  @Override
  public Node view() {
    return root;
  }

  @Override
  protected void update(StepInput in) {
    if (model != null) {
      facts();
      return;
    }
    if (loading) {
      return;
    }
    loading = true;
    executor.execute(BackgroundTask.of("Loading fonts", ctx -> SyntheticText.assets()).quiet().onSuccess(assets -> {
      model = new RenderPreviewModel(assets, renderThread);
      model.countProperty().set(6);
      model.cellsProperty().addListener((o, a, b) -> facts());
      RenderPreview preview = new RenderPreview(model);
      preview.setId("learn-render");
      root.getChildren().setAll(preview);
    }).onFailure(e -> root.getChildren().setAll(new Label("cannot load the renderer: " + e.getMessage()))));
  }

  private void facts() {
    List<PreviewCell> cells = model.cellsProperty().get();
    StepInput in = shown();
    if (cells.isEmpty() || in == null) {
      return;
    }
    RenderedSample s = cells.get(0).sample();
    int boxes = (int) s.boxes().stream().filter(CharBox::ink).count();
    setFacts(LearnFacts.rendered(in.config(), s.text(), boxes, s.width(), s.height()));
  }

  @Override
  public void close() {
    renderThread.shutdownNow();
  }
}
