package io.maskocr.app.ui.experiments;

import io.maskocr.app.ui.layout.Sizing;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The runs table (status, recipe, preset, best and last of each metric, duration, tags, notes;
 * sortable, filterable) with rename / tag / notes / delete, resume, inspect, compare, and a
 * detail pane with full provenance, the recipe as JSON and a diff against another run.
 */
final class RunsView {
  private final RunsViewModel model;
  private final TableView<RunRow> table = new TableView<>();
  private final TextArea detail = new TextArea();
  private final ComboBox<RunRow> diffWith = new ComboBox<>();
  private final BorderPane root = new BorderPane();

  /**
   * @param inspect opens the viewers on a run's latest checkpoint
   * @param resume queues a stopped run again
   * @param compare shows the selected runs in the compare tab
   * @param addModel the "Add model…" form's state
   * @param datasets dataset names (kept current by the caller), offered for the model's first eval
   */
  RunsView(RunsViewModel model, AddModelViewModel addModel, java.util.List<String> datasets, LongConsumer inspect,
      LongConsumer resume, Consumer<java.util.List<RunRow>> compare) {
    this.model = model;
    table.setId("runs-table");
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    SortedList<RunRow> sorted = new SortedList<>(model.filtered());
    sorted.comparatorProperty().bind(table.comparatorProperty());
    table.setItems(sorted);
    table.setPlaceholder(new Label("No runs yet: start one under “New run”."));
    table.getColumns().add(longColumn("#", RunRow::id, 45));
    table.getColumns().add(textColumn("Name", RunRow::name, 140));
    table.getColumns().add(textColumn("Status", RunRow::status, 100));
    table.getColumns().add(textColumn("Recipe", RunRow::recipe, 90));
    table.getColumns().add(textColumn("Preset", RunRow::preset, 55));
    table.getColumns().add(longColumn("Steps", RunRow::lastStep, 60));
    // the latest eval, beside the name: trained runs and external baselines side by side
    for (String m : Metric.EVAL) {
      table.getColumns().add(numberColumn(Metric.evalTitle(m), r -> r.lastOf(m)));
    }
    for (String m : Metric.SHOWN) {
      table.getColumns().add(numberColumn(m + " best", r -> r.bestOf(m)));
      table.getColumns().add(numberColumn(m + " last", r -> r.lastOf(m)));
    }
    table.getColumns().add(textColumn("Duration",
        r -> DashboardViewModel.duration(r.duration(Instant.now()).toSeconds()), 85));
    table.getColumns().add(textColumn("Tags", r -> String.join(", ", r.run().tags()), 100));
    table.getColumns().add(textColumn("Notes", r -> r.run().notes().replace('\n', ' '), 160));
    table.getColumns().forEach(Sizing::fitHeader);

    TextField filter = new TextField();
    filter.setId("runs-filter");
    filter.setPromptText("Filter: name, status, recipe, tag…");
    filter.textProperty().bindBidirectional(model.filterProperty());
    HBox.setHgrow(filter, Priority.ALWAYS);
    Button refresh = button("Refresh", "runs-refresh", () -> model.refresh());
    Button rename = button("Rename…", "runs-rename", () -> ask("Rename run", "Name", one().name()).ifPresent(
        n -> model.rename(one(), n)));
    Button tags = button("Tags…", "runs-tags", () -> ask("Tags (comma-separated)", "Tags",
        String.join(", ", one().run().tags())).ifPresent(t -> model.setTags(one(), t)));
    Button notes = button("Notes…", "runs-notes", () -> ask("Notes", "Notes", one().run().notes())
        .ifPresent(t -> model.setNotes(one(), t)));
    Button delete = button("Delete…", "runs-delete", this::confirmDelete);
    Button resumeB = button("Resume", "runs-resume", () -> resume.accept(one().id()));
    Button inspectB = button("Inspect…", "runs-inspect", () -> inspect.accept(one().id()));
    Button compareB = button("Compare selected", "runs-compare",
        () -> compare.accept(java.util.List.copyOf(table.getSelectionModel().getSelectedItems())));
    for (Button b : new Button[] {rename, tags, notes, delete, resumeB, inspectB}) {
      b.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    }
    Button addModelB = button("Add model…", "runs-add-model", () -> {
      AddModelDialog d = new AddModelDialog(addModel, datasets.stream().filter(n -> !"*".equals(n)).toList(),
          root.getScene() == null ? null : root.getScene().getWindow());
      d.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> addModel.add());
    });
    addModelB.setTooltip(new javafx.scene.control.Tooltip(
        "Add an external ONNX recognizer (PP-OCR, PARSeq) as a baseline row: predict with it in Annotate, compare it"));
    Sizing.keepWidth(refresh, rename, tags, notes, delete, resumeB, inspectB, compareB, addModelB);
    filter.setMinWidth(160);
    HBox actions = new HBox(6, filter, refresh, rename, tags, notes, delete, resumeB, inspectB, compareB, addModelB);
    actions.setAlignment(Pos.CENTER_LEFT);
    actions.setPadding(new Insets(6));

    detail.setId("run-detail");
    detail.setEditable(false);
    detail.setStyle("-fx-font-family: monospace;");
    diffWith.setId("run-diff-with");
    diffWith.setPromptText("Diff against run…");
    diffWith.setItems(model.rows());
    diffWith.setConverter(new StringConverter<>() {
      @Override
      public String toString(RunRow r) {
        return r == null ? "" : "#" + r.id() + " " + r.name();
      }

      @Override
      public RunRow fromString(String s) {
        return null;
      }
    });
    diffWith.valueProperty().addListener((o, a, b) -> showDetail());
    table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
      diffWith.setValue(null);
      showDetail();
    });
    Label message = new Label();
    message.setId("runs-message");
    message.textProperty().bind(model.messageProperty());
    VBox detailBox = new VBox(4, new HBox(6, new Label("Run detail"), diffWith), detail);
    VBox.setVgrow(detail, Priority.ALWAYS);
    detailBox.setPadding(new Insets(6));
    SplitPane split = new SplitPane(table, detailBox);
    split.setOrientation(Orientation.VERTICAL);
    split.setDividerPositions(0.55);
    root.setTop(actions);
    root.setCenter(split);
    root.setBottom(message);
    root.setId("runs-view");
  }

  private void showDetail() {
    RunRow r = table.getSelectionModel().getSelectedItem();
    RunRow other = diffWith.getValue();
    if (r == null) {
      detail.setText("");
    } else if (other != null) {
      detail.setText(RunsViewModel.diff(r, other));
    } else {
      detail.setText(RunsViewModel.detail(r));
    }
  }

  private void confirmDelete() {
    RunRow r = one();
    Alert a = new Alert(Alert.AlertType.CONFIRMATION,
        "Delete run " + r.id() + " (" + r.name() + ") with its metrics and checkpoint files? This cannot be undone.",
        ButtonType.CANCEL, ButtonType.OK);
    a.setHeaderText("Delete run");
    if (root.getScene() != null) {
      a.initOwner(root.getScene().getWindow());
    }
    a.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.delete(r));
  }

  private RunRow one() {
    return table.getSelectionModel().getSelectedItem();
  }

  private java.util.Optional<String> ask(String title, String label, String value) {
    TextInputDialog d = new TextInputDialog(value);
    d.setTitle(title);
    d.setHeaderText(title);
    d.setContentText(label);
    if (root.getScene() != null) {
      d.initOwner(root.getScene().getWindow());
    }
    return d.showAndWait();
  }

  private static Button button(String text, String id, Runnable action) {
    Button b = new Button(text);
    b.setId(id);
    b.setOnAction(e -> action.run());
    return b;
  }

  private static TableColumn<RunRow, String> textColumn(String title, Function<RunRow, String> f, double width) {
    TableColumn<RunRow, String> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
    c.setPrefWidth(width);
    return c;
  }

  private static TableColumn<RunRow, Long> longColumn(String title, Function<RunRow, Long> f, double width) {
    TableColumn<RunRow, Long> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
    c.setPrefWidth(width);
    return c;
  }

  private static TableColumn<RunRow, Double> numberColumn(String title, Function<RunRow, Double> f) {
    TableColumn<RunRow, Double> c = new TableColumn<>(title);
    c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
    c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
      @Override
      protected void updateItem(Double v, boolean empty) {
        super.updateItem(v, empty);
        setText(empty || v == null || v.isNaN() ? "" : format(v));
      }
    });
    c.setComparator((a, b) -> Double.compare(a == null || a.isNaN() ? Double.MAX_VALUE : a,
        b == null || b.isNaN() ? Double.MAX_VALUE : b));
    c.setPrefWidth(80);
    return c;
  }

  static String format(double v) {
    double a = Math.abs(v);
    return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format("%.2e", v) : String.format("%.4f", v);
  }

  /** The table (tests select rows). */
  TableView<RunRow> table() {
    return table;
  }

  Node node() {
    return root;
  }
}
