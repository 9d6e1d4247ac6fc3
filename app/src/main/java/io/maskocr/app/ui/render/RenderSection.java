package io.maskocr.app.ui.render;

import io.maskocr.renderer.RendererAssets;
import io.maskocr.viewers.render.RenderPreview;
import io.maskocr.viewers.render.RenderPreviewModel;
import java.util.concurrent.ExecutorService;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;

/**
 * The Render section of the app: the live {@link RenderPreview} plus "add N samples to a
 * workspace dataset". Build it on the FX thread with assets loaded elsewhere
 * ({@code RendererAssets.load(MaskocrHome.root())} reads ~8 MB of fonts: do it off the FX
 * thread); all rendering and storing runs on {@code executor}.
 */
public final class RenderSection {
  private final RenderPreviewModel model;
  private final BorderPane root = new BorderPane();
  private final ExecutorService executor;
  private final SampleSink sink;
  private final TextField dataset = new TextField("synthetic");
  private final Spinner<Integer> count = new Spinner<>(1, 10_000_000, 1000, 100);
  private final Button add = new Button("Add to dataset");
  private final Button cancel = new Button("Cancel");
  private final ProgressBar progress = new ProgressBar(0);
  private final Label message = new Label();
  private AddSamplesTask running;

  /**
   * @param assets fonts and corpora (shared, thread-safe)
   * @param executor background work: preview rendering and adding samples; give it at least
   *     two threads, or the preview waits while samples are being added
   * @param sink stores added samples in the workspace
   */
  public RenderSection(RendererAssets assets, ExecutorService executor, SampleSink sink) {
    this.executor = executor;
    this.sink = sink;
    this.model = new RenderPreviewModel(assets, executor);
    root.setCenter(new RenderPreview(model));
    root.setBottom(addBar());
  }

  /** The section's root node. */
  public Node view() {
    return root;
  }

  /** The preview state (config, seed, grid). */
  public RenderPreviewModel model() {
    return model;
  }

  private HBox addBar() {
    dataset.setId("render-dataset");
    dataset.setPrefColumnCount(14);
    count.setId("render-add-count");
    count.setEditable(true);
    count.setPrefWidth(120);
    add.setId("render-add");
    add.setOnAction(e -> start());
    cancel.setDisable(true);
    cancel.setOnAction(e -> {
      if (running != null) {
        running.cancel();
      }
    });
    progress.setPrefWidth(160);
    message.setId("render-add-message");
    HBox bar = new HBox(8, new Label("Add"), count, new Label("samples of this style to dataset"), dataset,
        add, cancel, progress, message);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.setPadding(new Insets(6, 8, 6, 8));
    return bar;
  }

  private void start() {
    String name = dataset.getText().strip();
    if (name.isEmpty()) {
      message.setText("type a dataset name first");
      return;
    }
    AddSamplesTask task = new AddSamplesTask(model.configProperty().get(), model.assets(),
        model.seedProperty().get(), count.getValue(), name, sink);
    running = task;
    progress.progressProperty().bind(task.progressProperty());
    message.textProperty().bind(task.messageProperty());
    add.setDisable(true);
    cancel.setDisable(false);
    task.setOnSucceeded(e -> finish("added " + task.getValue() + " samples to '" + name + "'"));
    task.setOnCancelled(e -> finish("stopped; the samples added so far stay in '" + name + "'"));
    task.setOnFailed(e -> finish("cannot add samples: " + task.getException().getMessage()));
    executor.execute(task);
  }

  private void finish(String text) {
    progress.progressProperty().unbind();
    message.textProperty().unbind();
    message.setText(text);
    add.setDisable(false);
    cancel.setDisable(true);
    running = null;
  }
}
