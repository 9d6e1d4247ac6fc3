package io.maskocr.app.ui.experiments;

import io.maskocr.engine.external.ExternalKind;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The "Add model…" form: the ONNX file and its dictionary (typed or chosen), the kind, an
 * optional name and an optional dataset to evaluate on. Only binds to {@link AddModelViewModel}.
 */
final class AddModelDialog extends Dialog<ButtonType> {
  AddModelDialog(AddModelViewModel model, List<String> datasets, Window owner) {
    setTitle("Add external model");
    setHeaderText("An ONNX recognizer to predict with, compare against and pseudo-label with."
        + "\nIt is copied into the workspace; nothing is downloaded.");
    if (owner != null) {
      initOwner(owner);
    }
    TextField file = field("add-model-file", "ch_PP-OCRv4_rec_infer.onnx", model.fileProperty());
    TextField keys = field("add-model-keys", "ppocr_keys_v1.txt", model.keysProperty());
    TextField name = field("add-model-name", "from the file name", model.nameProperty());
    ComboBox<String> kind = new ComboBox<>();
    kind.setId("add-model-kind");
    kind.getItems().setAll(Arrays.stream(ExternalKind.values()).map(ExternalKind::id).toList());
    kind.valueProperty().bindBidirectional(model.kindProperty());
    ComboBox<String> eval = new ComboBox<>();
    eval.setId("add-model-eval");
    eval.getItems().add("");
    eval.getItems().addAll(datasets);
    eval.setPromptText("none");
    eval.valueProperty().bindBidirectional(model.evalDatasetProperty());

    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(8);
    g.addRow(0, new Label("Model (.onnx)"), file, browse(file, "ONNX model", "*.onnx"));
    g.addRow(1, new Label("Dictionary"), keys, browse(keys, "Dictionary", "*.txt"));
    g.addRow(2, new Label("Kind"), kind);
    g.addRow(3, new Label("Name"), name);
    g.addRow(4, new Label("Evaluate on (test split)"), eval);
    GridPane.setHgrow(file, Priority.ALWAYS);
    getDialogPane().setContent(g);
    getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
    getDialogPane().setPrefWidth(640);
  }

  private static TextField field(String id, String prompt, javafx.beans.property.StringProperty p) {
    TextField f = new TextField();
    f.setId(id);
    f.setPromptText(prompt);
    f.textProperty().bindBidirectional(p);
    return f;
  }

  private Button browse(TextField target, String what, String pattern) {
    Button b = new Button("Browse…");
    b.setOnAction(e -> {
      FileChooser fc = new FileChooser();
      fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(what, pattern),
          new FileChooser.ExtensionFilter("All files", "*"));
      File f = fc.showOpenDialog(getDialogPane().getScene().getWindow());
      if (f != null) {
        target.setText(f.getAbsolutePath());
      }
    });
    return b;
  }
}
