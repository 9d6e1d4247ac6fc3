package io.maskocr.app.ui.experiments;

import io.maskocr.app.ui.layout.Sizing;
import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.store.Workspace;
import io.maskocr.viewers.charts.LiveChart;
import io.maskocr.viewers.charts.PngExport;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Compare 2+ runs: their curves of one metric overlaid (aligned by step or by training time),
 * a table of best and final metrics side by side, and what differed in their inputs (first run
 * vs each other: recipe, data, code, machine, seed, init); export the chart as PNG and the table
 * as CSV.
 */
final class CompareView {
  private final TaskExecutor executor;
  private final Supplier<Workspace> workspace;
  private final LiveChart chart = new LiveChart("Compare", "step", "loss");
  private final ComboBox<String> metric = new ComboBox<>();
  private final RadioButton byStep = new RadioButton("by step");
  private final RadioButton byTime = new RadioButton("by time");
  private final TableView<List<String>> table = new TableView<>();
  private final Label message = new Label("Select 2 or more runs in the Runs tab and press “Compare selected”.");
  /** What differed in the runs' inputs (recipe, data, code, machine, seed, init), first run vs each other. */
  private final TextArea inputs = new TextArea();
  private final BorderPane root = new BorderPane();
  private List<RunRow> runs = List.of();
  private List<List<String>> tableRows = List.of();

  CompareView(TaskExecutor executor, Supplier<Workspace> workspace) {
    this.executor = executor;
    this.workspace = workspace;
    chart.setId("compare-chart");
    table.setId("compare-table");
    message.setId("compare-message");
    metric.setId("compare-metric");
    metric.getItems().setAll(Metric.SHOWN);
    metric.setValue(Metric.LOSS);
    ToggleGroup g = new ToggleGroup();
    byStep.setToggleGroup(g);
    byTime.setToggleGroup(g);
    byStep.setSelected(true);
    byTime.setId("compare-by-time");
    metric.valueProperty().addListener((o, a, b) -> reload());
    g.selectedToggleProperty().addListener((o, a, b) -> reload());
    Button png = new Button("Export chart PNG…");
    png.setId("compare-export-png");
    png.setOnAction(e -> choose("compare.png", "PNG image", "*.png").ifPresent(this::exportPng));
    Button csv = new Button("Export table CSV…");
    csv.setId("compare-export-csv");
    csv.setOnAction(e -> choose("compare.csv", "CSV table", "*.csv").ifPresent(this::exportCsv));
    Label metricLabel = new Label("Metric");
    Sizing.keepWidth(metricLabel, metric, byStep, byTime, png, csv);
    HBox controls = new HBox(10, metricLabel, metric, byStep, byTime, png, csv);
    controls.setAlignment(Pos.CENTER_LEFT);
    // The hint has a line of its own: in the row it squeezed the controls to "Me..." and "by s...".
    message.setWrapText(true);
    message.setMinHeight(Region.USE_PREF_SIZE);
    message.managedProperty().bind(message.textProperty().isNotEmpty());
    VBox top = new VBox(6, controls, message);
    top.setPadding(new Insets(6));
    table.setPrefHeight(260);
    table.setPlaceholder(new Label("Best and final metrics of the compared runs appear here."));
    BorderPane.setMargin(chart, new Insets(0, 10, 0, 6));
    inputs.setId("compare-inputs");
    inputs.setEditable(false);
    inputs.setPrefHeight(260);
    inputs.setStyle("-fx-font-family: monospace;");
    SplitPane bottom = new SplitPane(table, inputs);
    bottom.setDividerPositions(0.55);
    root.setTop(top);
    root.setCenter(chart);
    root.setBottom(bottom);
    root.setId("compare-view");
  }

  /** Shows {@code selected} runs. */
  void show(List<RunRow> selected) {
    runs = List.copyOf(selected);
    if (runs.size() < 2) {
      message.setText("Select at least 2 runs to compare (" + runs.size() + " selected).");
    } else {
      message.setText("");
    }
    tableRows = Curves.table(runs);
    fillTable();
    inputs.setText(RunsViewModel.diffsFromFirst(runs));
    reload();
  }

  private void fillTable() {
    table.getColumns().clear();
    List<String> head = tableRows.get(0);
    for (int i = 0; i < head.size(); i++) {
      int col = i;
      TableColumn<List<String>, String> c = new TableColumn<>(head.get(i));
      c.setCellValueFactory(d -> new ReadOnlyStringWrapper(d.getValue().get(col)));
      c.setPrefWidth(i == 0 ? 150 : 130);
      Sizing.fitHeader(c);
      c.setSortable(false);
      table.getColumns().add(c);
    }
    table.getItems().setAll(tableRows.subList(1, tableRows.size()));
  }

  private void reload() {
    Workspace w = workspace.get();
    if (w == null || runs.isEmpty()) {
      return;
    }
    String m = metric.getValue();
    boolean time = byTime.isSelected();
    List<RunRow> rs = runs;
    executor.execute(BackgroundTask.of("Loading curves", ctx -> Curves.load(w, rs, m, time)).quiet()
        .onSuccess(curves -> {
          chart.clear();
          chart.setXName(time ? "seconds" : "step");
          chart.chart().setTitle(m + (time ? " by training time" : " by step"));
          for (Curves.Curve c : curves) {
            chart.set(c.label(), c.x(), c.y());
          }
        })
        .onFailure(e -> message.setText("Cannot load curves: " + e.getMessage())));
  }

  private java.util.Optional<Path> choose(String name, String what, String pattern) {
    FileChooser fc = new FileChooser();
    fc.setInitialFileName(name);
    fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, pattern));
    File f = fc.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
    return java.util.Optional.ofNullable(f).map(File::toPath);
  }

  /** Saves the chart as PNG (snapshot here, file written in the background). */
  void exportPng(Path file) {
    chart.redrawNow(); // the newest curves, not the last scheduled redraw
    PngExport.save(chart, file).whenComplete((p, e) -> javafx.application.Platform.runLater(
        () -> message.setText(e == null ? "saved " + p : "export failed: " + e.getMessage())));
  }

  /** Saves the side-by-side table as CSV in the background. */
  void exportCsv(Path file) {
    String text = Curves.csv(tableRows);
    executor.execute(BackgroundTask.of("Exporting CSV", ctx -> Files.writeString(file, text, StandardCharsets.UTF_8))
        .onSuccess(p -> message.setText("saved " + p))
        .onFailure(e -> message.setText("export failed: " + e.getMessage())));
  }

  LiveChart chart() {
    return chart;
  }

  Node node() {
    return root;
  }
}
