package io.maskocr.app.ui.experiments;

import java.io.File;
import java.util.List;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The new-run form: recipe, name, seed, model preset, and one panel per stage with its
 * hyper-parameters, masking and data, each with a one-line explanation. Problems are shown as
 * they are typed; "Queue run" is enabled only for a valid form.
 */
final class NewRunView {
  private final NewRunViewModel model;
  private final VBox stagesBox = new VBox(8);
  private final BorderPane root;

  NewRunView(NewRunViewModel model) {
    this.model = model;
    ComboBox<String> recipe = new ComboBox<>(model.recipes());
    recipe.setId("newrun-recipe");
    recipe.valueProperty().bindBidirectional(model.recipeProperty());
    Button fromFile = new Button("From file…");
    fromFile.setOnAction(e -> {
      FileChooser fc = new FileChooser();
      fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Recipe JSON", "*.json"));
      File f = fc.showOpenDialog(fromFile.getScene() == null ? null : fromFile.getScene().getWindow());
      if (f != null) {
        model.recipes().add(f.getAbsolutePath());
        model.recipeProperty().set(f.getAbsolutePath());
      }
    });
    TextField name = field(model.nameProperty(), "newrun-name");
    TextField seed = field(model.seedProperty(), "newrun-seed");
    ComboBox<String> preset = new ComboBox<>();
    preset.getItems().setAll(model.presets());
    preset.valueProperty().bindBidirectional(model.presetProperty());
    preset.setId("newrun-preset");
    GridPane head = new GridPane();
    head.setHgap(8);
    head.setVgap(6);
    row(head, 0, "Recipe", new HBox(6, recipe, fromFile), "what to train: stages in order (built-in or a JSON file)");
    row(head, 1, "Run name", name, "shown in the runs table; rename later");
    row(head, 2, "Seed", seed, "master seed: same seed and data, same run");
    row(head, 3, "Model", preset, "size preset: tiny trains on a laptop CPU, small/base want a GPU");
    Label description = new Label();
    description.textProperty().bind(model.descriptionProperty());
    description.setWrapText(true);
    description.getStyleClass().add("text-muted");

    Label error = new Label();
    error.setId("newrun-error");
    error.setWrapText(true);
    error.setStyle("-fx-text-fill: #b3261e;");
    error.textProperty().bind(model.errorProperty());
    Label message = new Label();
    message.setId("newrun-message");
    message.textProperty().bind(model.messageProperty());
    Button start = new Button("Queue run");
    start.setId("newrun-start");
    start.getStyleClass().add("accent");
    start.disableProperty().bind(model.errorProperty().isNotEmpty().or(model.recipeProperty().isNull()));
    start.setOnAction(e -> model.start());
    HBox actions = new HBox(10, start, message);
    actions.setAlignment(Pos.CENTER_LEFT);

    model.stages().addListener((ListChangeListener<StageDraft>) c -> buildStages());
    for (StringProperty p : List.of(model.nameProperty(), model.seedProperty(), model.presetProperty())) {
      p.addListener((o, a, b) -> model.validate());
    }
    VBox content = new VBox(10, head, description, stagesBox);
    content.setPadding(new Insets(12));
    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    // The start button and the validation message stay visible however long the form is.
    VBox footer = new VBox(6, error, actions);
    footer.setPadding(new Insets(8, 12, 8, 12));
    root = new BorderPane(scroll);
    root.setBottom(footer);
    root.setId("newrun-view");
  }

  private void buildStages() {
    stagesBox.getChildren().clear();
    ObservableList<StageDraft> stages = model.stages();
    for (int i = 0; i < stages.size(); i++) {
      StageDraft s = stages.get(i);
      GridPane g = new GridPane();
      g.setHgap(8);
      g.setVgap(4);
      int r = 0;
      row(g, r++, "Steps", field(s.steps, null), "optimizer steps of this stage");
      row(g, r++, "Batch size", field(s.batchSize, null), "images per step; larger is steadier but slower per step");
      row(g, r++, "Learning rate", field(s.lr, null), "peak of the cosine schedule (AdamW)");
      row(g, r++, "Final learning rate", field(s.minLr, null), "where the cosine decay ends");
      row(g, r++, "Warm-up steps", field(s.warmupSteps, null), "linear ramp from 0 to the peak");
      row(g, r++, "Weight decay", field(s.weightDecay, null), "decoupled decay of weight matrices");
      row(g, r++, "Gradient clip", field(s.clipNorm, null), "global norm limit, 0 = off");
      if (s.type().equals("mim")) {
        ComboBox<String> strat = combo(List.of("random", "block", "character"), s.maskStrategy);
        row(g, r++, "Mask strategy", strat, "random patches, runs of strips, or strips covering whole characters");
        row(g, r++, "Mask ratio", field(s.maskRatio, null), "share of patches hidden, 0..0.95 (MaskOCR: 0.5-0.7)");
      } else {
        row(g, r++, "Label smoothing", field(s.labelSmoothing, null), "spreads this share of the target over all symbols");
      }
      ComboBox<String> kind = combo(List.of("split", "folder", "synthetic"), s.dataKind);
      row(g, r++, "Data", kind, "workspace split, a folder with labels.tsv, or the synthetic renderer stream");
      ComboBox<String> ds = combo(model.datasets(), s.dataset);
      ds.setEditable(true);
      row(g, r++, "Dataset", ds, "workspace dataset (* = every dataset)");
      row(g, r++, "Split", combo(List.of("train", "val", "test", "all"), s.split), "which split of it; all = every image (for MIM)");
      row(g, r++, "Folder", field(s.folder, null), "for folder data: path of a folder with labels.tsv");
      row(g, r++, "Augment", field(s.augment, null), "augmentation strength 0..2 for real images");
      row(g, r++, "Synthetic style", field(s.style, null),
          "for synthetic data: renderer style config file (empty = the built-in style)");
      for (StringProperty p : List.of(s.steps, s.batchSize, s.lr, s.minLr, s.warmupSteps, s.weightDecay,
          s.clipNorm, s.labelSmoothing, s.maskStrategy, s.maskRatio, s.dataKind, s.dataset, s.split, s.folder,
          s.augment, s.style)) {
        p.addListener((o, a, b) -> model.validate());
      }
      TitledPane pane = new TitledPane("Stage " + (i + 1) + ": " + s.type(), g);
      pane.setId("newrun-stage-" + (i + 1));
      stagesBox.getChildren().add(pane);
    }
    model.validate();
  }

  private static ComboBox<String> combo(List<String> items, StringProperty value) {
    ComboBox<String> c = new ComboBox<>();
    if (items instanceof ObservableList<String> o) {
      c.setItems(o);
    } else {
      c.getItems().setAll(items);
    }
    c.valueProperty().bindBidirectional(value);
    return c;
  }

  private static TextField field(StringProperty p, String id) {
    TextField f = new TextField();
    f.textProperty().bindBidirectional(p);
    f.setPrefColumnCount(10);
    if (id != null) {
      f.setId(id);
    }
    return f;
  }

  private static void row(GridPane g, int r, String label, Node field, String help) {
    Label h = new Label(help);
    h.getStyleClass().add("text-muted");
    h.setStyle("-fx-font-size: 11px; -fx-text-fill: #666;");
    g.addRow(r, new Label(label), field, h);
  }

  Node node() {
    return root;
  }
}
