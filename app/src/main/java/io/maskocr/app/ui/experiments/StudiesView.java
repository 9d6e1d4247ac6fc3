package io.maskocr.app.ui.experiments;

import io.maskocr.engine.study.StudyReportWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Studies tab: the low-label study reports of the workspace as a list, the selected
 * report's runs as a table with its accuracy plot, and the form that starts a study. Binds to
 * a {@link StudiesViewModel}, which reads the files and runs the study.
 */
final class StudiesView {
  private final StudiesViewModel model;
  private final ListView<Path> reports = new ListView<>();
  private final TableView<StudyReports.Row> table = new TableView<>();
  private final ImageView plot = new ImageView();
  private final BorderPane root = new BorderPane();

  StudiesView(StudiesViewModel model) {
    this.model = model;
    reports.setId("studies-list");
    reports.setItems(model.reports());
    reports.setCellFactory(v -> new ListCell<>() {
      @Override
      protected void updateItem(Path p, boolean empty) {
        super.updateItem(p, empty);
        setText(empty || p == null ? null : p.getFileName().toString());
      }
    });
    reports.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> model.selectedProperty().set(p));
    model.selectedProperty().addListener((o, a, p) -> reports.getSelectionModel().select(p));
    table.setId("studies-table");
    table.setItems(model.rows());
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY);
    table.getColumns().addAll(List.of(
        column("recipe", StudyReports.Row::recipe),
        column("labels", r -> StudyReportWriter.pct(r.fraction())),
        column("images", r -> Integer.toString(r.labelled())),
        column("run", r -> Long.toString(r.runId())),
        column("steps", StudyReports.Row::steps),
        column("train s", r -> String.format(Locale.ROOT, "%.0f", r.trainSeconds())),
        column("acc36", r -> r.error().isEmpty() ? StudyReportWriter.pct(r.accuracy36()) + (r.completed() ? "" : "*")
            : "failed: " + r.error()),
        column("acc full", r -> StudyReportWriter.pct(r.accuracyFull())),
        column("1-NED", r -> Double.isNaN(r.oneMinusNed()) ? "-" : String.format(Locale.ROOT, "%.3f", r.oneMinusNed()))));
    table.setPlaceholder(new Label("No study selected. Run `maskocr study lowlabel` or start one below."));
    plot.setId("studies-plot");
    plot.setPreserveRatio(true);
    plot.setFitHeight(300);
    plot.imageProperty().bind(model.plotProperty());
    Button refresh = new Button("Refresh");
    refresh.setId("studies-refresh");
    refresh.setOnAction(e -> model.refresh());
    VBox left = new VBox(6, new Label("Reports"), reports, refresh);
    left.setPadding(new Insets(8));
    VBox.setVgrow(reports, Priority.ALWAYS);
    VBox right = new VBox(8, table, plot);
    right.setPadding(new Insets(8));
    VBox.setVgrow(table, Priority.ALWAYS);
    SplitPane split = new SplitPane(left, right);
    split.setDividerPositions(0.22);
    root.setCenter(split);
    root.setBottom(form());
  }

  private Node form() {
    TextField dataset = field("studies-dataset", model.datasetProperty());
    dataset.setPromptText("dataset with train and test splits");
    TextField fractions = field("studies-fractions", model.fractionsProperty());
    TextField recipes = field("studies-recipes", model.recipesProperty());
    TextField minutes = field("studies-minutes", model.minutesProperty());
    TextField steps = field("studies-steps", model.stepsProperty());
    steps.setPromptText("optional: N or recipe=N,...");
    steps.setTooltip(new Tooltip("Steps per run instead of a time budget (the minutes then cap "
        + "each run; blank or 0 minutes = no cap), e.g. 2200,maskocr=2600"));
    TextField inits = field("studies-inits", model.initsProperty());
    inits.setTooltip(new Tooltip("Weights each recipe starts from, each a row of its own: "
        + "recipe (its own), random, starter, a run id or a checkpoint folder, e.g. random,starter"));
    Button start = new Button("Start study");
    start.setId("studies-start");
    start.disableProperty().bind(model.runningProperty());
    start.setOnAction(e -> model.start());
    Button cancel = new Button("Cancel");
    cancel.setId("studies-cancel");
    cancel.disableProperty().bind(model.runningProperty().not());
    cancel.setOnAction(e -> model.cancel());
    ProgressBar progress = new ProgressBar();
    progress.setPrefWidth(220);
    progress.progressProperty().bind(model.progressProperty());
    Label message = new Label();
    message.setId("studies-message");
    message.textProperty().bind(model.messageProperty());
    GridPane g = new GridPane();
    g.setHgap(8);
    g.setVgap(6);
    g.setPadding(new Insets(8));
    g.addRow(0, new Label("Dataset"), dataset, new Label("Labelled shares"), fractions);
    g.addRow(1, new Label("Recipes"), recipes, new Label("Minutes per run"), minutes);
    g.addRow(2, new Label("Start from"), inits, new Label("or steps per run"), steps);
    g.addRow(3, start, cancel, progress);
    // errors can be long (they name the option and what to do): a row of their own, wrapped
    message.setWrapText(true);
    g.add(message, 0, 4, 4, 1);
    g.setAlignment(Pos.CENTER_LEFT);
    return g;
  }

  private static TextField field(String id, javafx.beans.property.StringProperty value) {
    TextField f = new TextField();
    f.setId(id);
    f.textProperty().bindBidirectional(value);
    return f;
  }

  private static TableColumn<StudyReports.Row, String> column(String name, Function<StudyReports.Row, String> value) {
    TableColumn<StudyReports.Row, String> c = new TableColumn<>(name);
    c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
    return c;
  }

  Node node() {
    return root;
  }
}
