package io.maskocr.app.ui.render;

import io.maskocr.app.ui.section.Section;
import io.maskocr.app.ui.section.StudioContext;
import io.maskocr.engine.MaskocrHome;
import io.maskocr.renderer.RendererAssets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.material2.Material2OutlinedMZ;

/**
 * The Render entry of the navigation rail. Its view shows "Loading fonts" while the bundled
 * fonts and corpora load on a background thread, then the {@link RenderSection}; samples are
 * added to the open workspace through {@link WorkspaceSampleSink}. Rendering runs on a
 * section-owned pool of two daemon threads (preview and "add samples" never wait on each
 * other, and neither on the app's task executor).
 */
public final class RenderShellSection implements Section {
  private final StudioContext context;

  public RenderShellSection(StudioContext context) {
    this.context = context;
  }

  @Override
  public String title() {
    return "Render";
  }

  @Override
  public Ikon icon() {
    return Material2OutlinedMZ.TEXT_FORMAT;
  }

  @Override
  public String tooltip() {
    return "Render: synthetic training text with a live style preview";
  }

  @Override
  public Node createView() {
    StackPane root = new StackPane();
    Label loading = new Label("Loading fonts and word lists…");
    root.getChildren().add(new VBox(8, new ProgressIndicator(), loading));
    ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
      Thread t = new Thread(r, "maskocr-render-ui");
      t.setDaemon(true);
      return t;
    });
    CompletableFuture.supplyAsync(() -> {
      try {
        return RendererAssets.load(MaskocrHome.root());
      } catch (IOException e) {
        throw new UncheckedIOException(e.getMessage(), e);
      }
    }, pool).whenComplete((assets, error) -> Platform.runLater(() -> {
      if (error != null) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        loading.setText("cannot load the renderer's fonts: " + cause.getMessage());
        root.getChildren().setAll(loading);
        return;
      }
      RenderSection section = new RenderSection(assets, pool, new WorkspaceSampleSink(context::workspace));
      root.getChildren().setAll(section.view());
    }));
    return root;
  }
}
