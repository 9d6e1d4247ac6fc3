package io.maskocr.viewers.render;

import io.maskocr.renderer.CharBox;
import io.maskocr.renderer.config.ConfigException;
import io.maskocr.renderer.config.StyleConfigIO;
import java.io.File;
import java.io.IOException;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;

/**
 * Live preview of the synthetic renderer: a grid of samples for the current style config,
 * a control per style parameter, overlays for character boxes and the clean target,
 * re-seed, and load/save of the config. Rendering happens in {@link RenderPreviewModel}
 * off the FX thread; this view only binds and draws.
 */
public final class RenderPreview extends BorderPane {
  private static final double SCALE = 2;
  private final RenderPreviewModel model;
  private final TilePane grid = new TilePane(8, 8);
  private final Label status = new Label();
  private final ToolBar toolbar;

  /** A preview bound to {@code model}; asks for a first grid at once. */
  public RenderPreview(RenderPreviewModel model) {
    this.model = model;
    getStyleClass().add("render-preview");

    Button reseed = new Button("Re-seed");
    reseed.setId("render-reseed");
    reseed.setOnAction(e -> model.reseed());
    CheckBox boxes = new CheckBox("Boxes");
    boxes.setId("render-show-boxes");
    boxes.selectedProperty().bindBidirectional(model.showBoxesProperty());
    CheckBox clean = new CheckBox("Clean target");
    clean.setId("render-show-clean");
    clean.selectedProperty().bindBidirectional(model.showCleanProperty());
    Button load = new Button("Load config…");
    load.setOnAction(e -> load());
    Button save = new Button("Save config…");
    save.setOnAction(e -> save());
    status.setId("render-status");
    status.textProperty().bind(model.statusProperty());
    toolbar = new ToolBar(reseed, boxes, clean, load, save, status);
    setTop(toolbar);

    StyleControls controls = new StyleControls(model, this::showError);
    controls.setPadding(new Insets(6));
    ScrollPane left = new ScrollPane(controls);
    left.setId("render-params");
    left.setFitToWidth(true);
    left.setPrefWidth(360);
    left.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
    setLeft(left);

    grid.setId("render-grid");
    grid.setPadding(new Insets(8));
    grid.setPrefColumns(2);
    ScrollPane center = new ScrollPane(grid);
    center.setFitToWidth(true);
    setCenter(center);

    model.cellsProperty().addListener((o, a, b) -> redraw());
    model.showBoxesProperty().addListener((o, a, b) -> redraw());
    model.showCleanProperty().addListener((o, a, b) -> redraw());
    model.refresh();
  }

  /** The model behind this view. */
  public RenderPreviewModel model() {
    return model;
  }

  /** The toolbar, so a host can add its own buttons. */
  public ToolBar toolbar() {
    return toolbar;
  }

  private void redraw() {
    List<PreviewCell> cells = model.cellsProperty().get();
    grid.getChildren().clear();
    for (PreviewCell c : cells) {
      grid.getChildren().add(cell(c));
    }
  }

  private VBox cell(PreviewCell c) {
    double w = c.sample().width() * SCALE, h = c.sample().height() * SCALE;
    Canvas canvas = new Canvas(w, h);
    GraphicsContext g = canvas.getGraphicsContext2D();
    g.setImageSmoothing(false);
    g.drawImage(c.image(), 0, 0, w, h);
    if (model.showCleanProperty().get()) {
      g.drawImage(c.cleanOverlay(), 0, 0, w, h);
    }
    if (model.showBoxesProperty().get()) {
      g.setStroke(Color.RED);
      g.setLineWidth(1);
      for (CharBox b : c.sample().boxes()) {
        if (b.ink()) {
          g.strokeRect(b.x0() * SCALE, b.y0() * SCALE, b.width() * SCALE, b.height() * SCALE);
        }
      }
    }
    Label label = new Label(c.sample().text());
    label.setStyle("-fx-font-size: 11px;");
    String fx = c.sample().style().effects().isEmpty() ? "none" : c.sample().style().effects().toString();
    Tooltip.install(canvas, new Tooltip(c.sample().style().font() + " · " + c.sample().style().source()
        + " · " + c.sample().style().background() + "\neffects: " + fx));
    return new VBox(2, canvas, label);
  }

  /** Shows an error until the next render replaces the status line. */
  private void showError(String message) {
    status.textProperty().unbind();
    status.setText(message);
    model.statusProperty().addListener(new javafx.beans.value.ChangeListener<>() {
      @Override
      public void changed(javafx.beans.value.ObservableValue<? extends String> o, String a, String b) {
        model.statusProperty().removeListener(this);
        status.textProperty().bind(model.statusProperty());
      }
    });
  }

  private FileChooser chooser(String title) {
    FileChooser fc = new FileChooser();
    fc.setTitle(title);
    fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Style config (*.json)", "*.json"));
    return fc;
  }

  // A style config is a few hundred bytes: reading or writing it on the FX thread is fine.
  private void load() {
    File f = chooser("Load style config").showOpenDialog(getScene().getWindow());
    if (f != null) {
      try {
        model.configProperty().set(StyleConfigIO.read(f.toPath()));
      } catch (ConfigException e) {
        showError(e.getMessage());
      }
    }
  }

  private void save() {
    File f = chooser("Save style config").showSaveDialog(getScene().getWindow());
    if (f != null) {
      try {
        StyleConfigIO.write(model.configProperty().get(), f.toPath());
      } catch (IOException e) {
        showError("cannot save " + f + ": " + e.getMessage());
      }
    }
  }
}
