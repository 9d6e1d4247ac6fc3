package io.maskocr.viewers.attention;

import io.maskocr.engine.inspect.AttentionInspection;
import io.maskocr.engine.inspect.CharacterReading;
import io.maskocr.viewers.charts.PngExport;
import io.maskocr.viewers.charts.Rasters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/**
 * Per-character attention viewer: the predicted text as chips coloured by confidence; selecting
 * a chip (click, or the left/right arrow keys) overlays that character's cross-attention on the
 * image and lists the top-3 alternatives at that position; "All characters" shows every
 * character's map as a small-multiples grid. "Export PNG" saves what is shown.
 */
public final class AttentionViewer extends BorderPane {
  private static final int SCALE = 4;

  private final CharacterChips chips = new CharacterChips();
  private final ImageView overlay = new ImageView();
  private final VBox alternatives = new VBox(2);
  private final Label summary = new Label("no prediction yet");
  private final Label status = new Label();
  private final TilePane grid = new TilePane(8, 8);
  private final ToggleButton allCharacters = new ToggleButton("All characters");
  private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(this, "selected", -1);
  private final VBox content;
  private AttentionInspection shown;

  /** An empty viewer; call {@link #show}. */
  public AttentionViewer() {
    getStyleClass().add("attention-viewer");
    chips.setId("attention-chips");
    overlay.setId("attention-overlay");
    overlay.setSmooth(false);
    alternatives.setId("attention-top3");
    summary.setId("attention-summary");
    grid.setId("attention-grid");
    allCharacters.setId("attention-all");
    allCharacters.selectedProperty().addListener((o, a, b) -> refreshGrid());
    Button export = new Button("Export PNG…");
    export.setId("attention-export");
    HBox controls = new HBox(10, allCharacters, export, status);
    controls.setAlignment(Pos.CENTER_LEFT);
    Label altTitle = new Label("Top-3 at this position");
    altTitle.getStyleClass().add("text-bold");
    HBox main = new HBox(16, overlay, new VBox(4, altTitle, alternatives));
    content = new VBox(10, summary, chips, main, grid);
    content.setPadding(new Insets(10));
    export.setOnAction(e -> PngExport.chooseAndSave(content, "attention.png", status));
    setTop(controls);
    BorderPane.setMargin(controls, new Insets(8));
    setCenter(new ScrollPane(content));
    setFocusTraversable(true);
    setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.RIGHT) {
        select(selected.get() + 1);
        e.consume();
      } else if (e.getCode() == KeyCode.LEFT) {
        select(selected.get() - 1);
        e.consume();
      }
    });
    setOnMouseClicked(e -> requestFocus());
  }

  /** Shows a new inspection and selects its first character. */
  public void show(AttentionInspection a) {
    shown = a;
    summary.setText(String.format("“%s”  confidence %.3f  (%s)", a.text(), a.confidence(), a.checkpoint()));
    chips.show(a.characters(), this::select);
    selected.set(-1);
    if (a.characters().isEmpty()) {
      overlay.setImage(Rasters.pixels(a.image(), a.channels(), a.height(), a.width(), SCALE));
      alternatives.getChildren().setAll(new Label("the model read no characters"));
    } else {
      select(0);
    }
    refreshGrid();
  }

  /** Selects character {@code i} (clamped to the text); its map is overlaid on the image. */
  public void select(int i) {
    if (shown == null || shown.characters().isEmpty()) {
      return;
    }
    int k = Math.max(0, Math.min(shown.characters().size() - 1, i));
    selected.set(k);
    chips.select(k);
    overlay.setImage(Rasters.overlay(shown.image(), shown.channels(), shown.height(), shown.width(),
        shown.attention()[k], shown.gridHeight(), shown.gridWidth(), SCALE));
    List<Node> rows = new ArrayList<>();
    for (CharacterReading.Alternative alt : shown.characters().get(k).alternatives()) {
      Label l = new Label(String.format("%-6s %.3f", alt.symbol(), alt.probability()));
      l.getStyleClass().add("alternative");
      l.setStyle("-fx-font-family: monospace;");
      rows.add(l);
    }
    alternatives.getChildren().setAll(rows);
  }

  private void refreshGrid() {
    grid.getChildren().clear();
    if (shown == null || !allCharacters.isSelected()) {
      return;
    }
    for (int i = 0; i < shown.characters().size(); i++) {
      CharacterReading c = shown.characters().get(i);
      ImageView v = new ImageView(Rasters.overlay(shown.image(), shown.channels(), shown.height(),
          shown.width(), shown.attention()[i], shown.gridHeight(), shown.gridWidth(), 2));
      v.setSmooth(false);
      VBox cell = new VBox(2, v, new Label(String.format("%d: %s (%.2f)", i + 1, c.symbol(), c.probability())));
      cell.getStyleClass().add("attention-cell");
      grid.getChildren().add(cell);
    }
  }


  /** Writes the current view as a PNG; call on the FX thread. */
  public CompletableFuture<Path> exportPng(Path file) {
    return PngExport.save(content, file);
  }

  /** Index of the selected character, -1 when none. */
  public ReadOnlyIntegerProperty selectedProperty() {
    return selected.getReadOnlyProperty();
  }

  /** The text of the chips, in order. */
  public String chipText() {
    StringBuilder sb = new StringBuilder();
    chips.getChildren().forEach(n -> sb.append((String) n.getUserData()));
    return sb.toString();
  }

  /** The overlaid image of the selected character. */
  public Image overlayImage() {
    return overlay.getImage();
  }

  /** Switches the small-multiples grid on or off. */
  public void setAllCharacters(boolean on) {
    allCharacters.setSelected(on);
  }

  /** Cells in the small-multiples grid. */
  public int gridCellCount() {
    return grid.getChildren().size();
  }

  /** The inspection shown, or null. */
  public AttentionInspection shown() {
    return shown;
  }
}
