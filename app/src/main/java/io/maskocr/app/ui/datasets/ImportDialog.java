package io.maskocr.app.ui.datasets;

import atlantafx.base.theme.Styles;
import io.maskocr.engine.io.ImportFormat;
import io.maskocr.engine.store.Split;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2OutlinedAL;

/**
 * The import dialog: source (folder or list file), format, dataset name, split and label
 * pattern; then a progress bar with Cancel, and the summary. Binds to {@link ImportViewModel}.
 */
public final class ImportDialog {
  private final ImportViewModel model;
  private final Stage stage = new Stage();

  public ImportDialog(ImportViewModel model, Window owner) {
    this.model = model;
    stage.setTitle("Import images");
    if (owner != null) {
      stage.initOwner(owner);
      stage.initModality(Modality.WINDOW_MODAL);
    }

    TextField source = new TextField();
    source.setId("import-source");
    source.setPromptText("Folder of images, labels file (.tsv/.txt/.jsonl) or LMDB folder");
    source.textProperty().bindBidirectional(model.sourceProperty());
    Button folder = new Button("Folder…", new FontIcon(Material2OutlinedAL.FOLDER_OPEN));
    folder.setOnAction(e -> chooseFolder());
    Button file = new Button("File…", new FontIcon(Material2OutlinedAL.INSERT_DRIVE_FILE));
    file.setOnAction(e -> chooseFile());
    HBox sourceRow = new HBox(6, source, folder, file);
    HBox.setHgrow(source, Priority.ALWAYS);

    ComboBox<ImportFormat> format = new ComboBox<>();
    format.setId("import-format");
    format.getItems().add(null);
    format.getItems().addAll(ImportFormat.values());
    format.setConverter(new StringConverter<>() {
      @Override
      public String toString(ImportFormat f) {
        return f == null ? "Detect automatically" : switch (f) {
          case FOLDER -> "Image folder";
          case TSV -> "TSV list (path<TAB>label)";
          case LMDB -> "LMDB (scene-text layout)";
          case JSONL -> "JSON Lines {filename, text}";
        };
      }

      @Override
      public ImportFormat fromString(String s) {
        return null;
      }
    });
    format.valueProperty().bindBidirectional(model.formatProperty());

    TextField name = new TextField();
    name.setId("import-dataset");
    name.textProperty().bindBidirectional(model.datasetNameProperty());

    ComboBox<Split> split = new ComboBox<>();
    split.setId("import-split");
    split.getItems().addAll(Split.values());
    split.setConverter(DatasetsView.splitNames("train"));
    split.valueProperty().bindBidirectional(model.splitProperty());

    TextField pattern = new TextField();
    pattern.setId("import-label-pattern");
    pattern.setPromptText("optional, e.g. {label}_*.png");
    pattern.textProperty().bindBidirectional(model.labelPatternProperty());
    pattern.setTooltip(new Tooltip(
        "Image folders only: take the label from the file name with a glob containing {label},"
            + " or a regex with a group named label"));
    pattern.disableProperty().bind(model.formatProperty().isNotNull()
        .and(model.formatProperty().isNotEqualTo(ImportFormat.FOLDER)));

    GridPane form = new GridPane();
    form.setHgap(10);
    form.setVgap(10);
    form.getColumnConstraints().addAll(new ColumnConstraints(110),
        new ColumnConstraints(200, 480, Double.MAX_VALUE, Priority.ALWAYS, null, true));
    form.addRow(0, new Label("Source"), sourceRow);
    form.addRow(1, new Label("Format"), format);
    form.addRow(2, new Label("Dataset"), name);
    form.addRow(3, new Label("Split"), split);
    form.addRow(4, new Label("Label pattern"), pattern);
    form.disableProperty().bind(model.runningProperty());

    ProgressBar progress = new ProgressBar(0);
    progress.setId("import-progress");
    progress.setMaxWidth(Double.MAX_VALUE);
    progress.progressProperty().bind(model.progressProperty());
    progress.visibleProperty().bind(model.runningProperty().or(model.doneProperty()));
    Label status = new Label();
    status.setId("import-status");
    status.setWrapText(true);
    status.textProperty().bind(model.statusProperty());
    model.failedProperty().addListener((obs, was, now) -> {
      if (now) {
        status.getStyleClass().add(Styles.DANGER);
      } else {
        status.getStyleClass().remove(Styles.DANGER);
      }
    });

    Button start = new Button("Import");
    start.setId("import-start");
    start.setDefaultButton(true);
    start.getStyleClass().add(Styles.ACCENT);
    start.disableProperty().bind(model.canStartBinding().not());
    start.setOnAction(e -> model.start());
    Button cancel = new Button("Cancel import");
    cancel.setId("import-cancel");
    cancel.visibleProperty().bind(model.runningProperty());
    cancel.managedProperty().bind(model.runningProperty());
    cancel.setOnAction(e -> model.cancel());
    Button close = new Button("Close");
    close.setId("import-close");
    close.setCancelButton(true);
    close.disableProperty().bind(model.runningProperty());
    close.setOnAction(e -> stage.close());
    Region gap = new Region();
    HBox.setHgrow(gap, Priority.ALWAYS);
    HBox buttons = new HBox(8, gap, cancel, start, close);
    buttons.setAlignment(Pos.CENTER_RIGHT);

    Label title = new Label("Import images and labels");
    title.getStyleClass().add(Styles.TITLE_4);
    VBox root = new VBox(14, title, form, progress, status, buttons);
    root.setPadding(new Insets(18));
    root.setPrefWidth(640);
    stage.setScene(new Scene(root));
    // Closing the window while an import runs cancels it rather than orphaning it.
    stage.setOnCloseRequest(e -> model.cancel());
    stage.getScene().setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ESCAPE && model.runningProperty().get()) {
        model.cancel();
        e.consume();
      }
    });
  }

  private void chooseFolder() {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle("Folder of images or LMDB folder");
    File start = startDir();
    if (start != null) {
      chooser.setInitialDirectory(start);
    }
    File dir = chooser.showDialog(stage);
    if (dir != null) {
      model.sourceProperty().set(dir.getAbsolutePath());
    }
  }

  private void chooseFile() {
    FileChooser chooser = new FileChooser();
    chooser.setTitle("Labels file");
    chooser.getExtensionFilters().addAll(
        new FileChooser.ExtensionFilter("Label lists", "*.tsv", "*.txt", "*.jsonl"),
        new FileChooser.ExtensionFilter("All files", "*"));
    File start = startDir();
    if (start != null) {
      chooser.setInitialDirectory(start);
    }
    File f = chooser.showOpenDialog(stage);
    if (f != null) {
      model.sourceProperty().set(f.getAbsolutePath());
    }
  }

  /** The folder of the current source, if it exists (a cheap stat, not a listing). */
  private File startDir() {
    Path p = model.sourcePath();
    if (p == null) {
      return null;
    }
    Path dir = Files.isDirectory(p) ? p : p.getParent();
    return dir != null && Files.isDirectory(dir) ? dir.toFile() : null;
  }

  public void show() {
    stage.show();
  }

  public Stage stage() {
    return stage;
  }
}
