package io.maskocr.app.ui.experiments;

import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.study.LowLabelStudy;
import io.maskocr.engine.study.StudyConfig;
import io.maskocr.engine.study.StudyReport;
import io.maskocr.engine.study.StudyReportWriter;
import io.maskocr.engine.study.StudyRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
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
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The Studies tab: the low-label study reports of the workspace ({@code <workspace>/studies/})
 * as a table of runs and the accuracy plot, and a form that starts a study in the background
 * (progress per finished run, cancel stops the current run with a checkpoint and still writes
 * the partial report). Files are read and studies run off the UI thread.
 */
final class StudiesView {
  private final TaskExecutor executor;
  private final Supplier<Workspace> workspace;
  private final ListView<Path> reports = new ListView<>();
  private final TableView<StudyReports.Row> table = new TableView<>();
  private final ImageView plot = new ImageView();
  private final Label message = new Label();
  private final TextField dataset = new TextField();
  private final TextField fractions = new TextField("0.01,0.1,1");
  private final TextField recipes = new TextField("scratch,maskocr,dptr,odm");
  private final TextField minutes = new TextField("3");
  private final TextField steps = new TextField();
  private final TextField inits = new TextField(StudyConfig.RECIPE_INIT);
  private final Button start = new Button("Start study");
  private final Button cancel = new Button("Cancel");
  private final ProgressBar progress = new ProgressBar(0);
  private final BorderPane root = new BorderPane();
  private final AtomicReference<LowLabelStudy> running = new AtomicReference<>();
  private BackgroundTask<Path> task;

  StudiesView(TaskExecutor executor, Supplier<Workspace> workspace) {
    this.executor = executor;
    this.workspace = workspace;
    reports.setId("studies-list");
    reports.setCellFactory(v -> new ListCell<>() {
      @Override
      protected void updateItem(Path p, boolean empty) {
        super.updateItem(p, empty);
        setText(empty || p == null ? null : p.getFileName().toString());
      }
    });
    reports.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> load(p));
    table.setId("studies-table");
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
    Button refresh = new Button("Refresh");
    refresh.setId("studies-refresh");
    refresh.setOnAction(e -> refresh());
    VBox left = new VBox(6, new Label("Reports"), reports, refresh);
    left.setPadding(new Insets(8));
    VBox.setVgrow(reports, javafx.scene.layout.Priority.ALWAYS);
    VBox right = new VBox(8, table, plot);
    right.setPadding(new Insets(8));
    VBox.setVgrow(table, javafx.scene.layout.Priority.ALWAYS);
    SplitPane split = new SplitPane(left, right);
    split.setDividerPositions(0.22);
    root.setCenter(split);
    root.setBottom(form());
  }

  private Node form() {
    dataset.setId("studies-dataset");
    dataset.setPromptText("dataset with train and test splits");
    fractions.setId("studies-fractions");
    recipes.setId("studies-recipes");
    minutes.setId("studies-minutes");
    steps.setId("studies-steps");
    steps.setPromptText("optional: N or recipe=N,...");
    steps.setTooltip(new javafx.scene.control.Tooltip("Steps per run instead of a time budget (the minutes then cap "
        + "each run; blank or 0 minutes = no cap), e.g. 2200,maskocr=2600"));
    inits.setId("studies-inits");
    inits.setTooltip(new javafx.scene.control.Tooltip("Weights each recipe starts from, each a row of its own: "
        + "recipe (its own), random, starter, a run id or a checkpoint folder, e.g. random,starter"));
    start.setId("studies-start");
    cancel.setId("studies-cancel");
    message.setId("studies-message");
    cancel.setDisable(true);
    start.setOnAction(e -> startStudy());
    cancel.setOnAction(e -> cancelStudy());
    progress.setPrefWidth(220);
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
    // The two field columns share the width (prompts such as "dataset with train and test
    // splits" were cut at the fields' default 150 px); captions keep theirs.
    for (int i = 0; i < 4; i++) {
      javafx.scene.layout.ColumnConstraints c = new javafx.scene.layout.ColumnConstraints();
      if (i % 2 == 1) {
        c.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        c.setMinWidth(160);
        c.setPrefWidth(280);
        c.setMaxWidth(480);
      } else {
        c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
      }
      g.getColumnConstraints().add(c);
    }
    return g;
  }

  private static TableColumn<StudyReports.Row, String> column(String name, Function<StudyReports.Row, String> value) {
    TableColumn<StudyReports.Row, String> c = new TableColumn<>(name);
    c.setCellValueFactory(d -> new SimpleStringProperty(value.apply(d.getValue())));
    return c;
  }

  /** Re-lists the workspace's reports in the background and selects the newest. */
  void refresh() {
    Workspace w = workspace.get();
    if (w == null) {
      reports.getItems().clear();
      return;
    }
    Path root = w.root();
    executor.execute(BackgroundTask.of("Listing studies", ctx -> StudyReports.list(root)).quiet()
        .onSuccess(list -> {
          reports.getItems().setAll(list);
          if (!list.isEmpty()) {
            reports.getSelectionModel().select(0);
          }
        })
        .onFailure(e -> message.setText("Cannot list studies: " + e.getMessage())));
  }

  private void load(Path study) {
    if (study == null) {
      table.getItems().clear();
      plot.setImage(null);
      return;
    }
    executor.execute(BackgroundTask.of("Reading " + study.getFileName(), ctx -> {
      List<StudyReports.Row> rows = StudyReports.read(study);
      Path png = study.resolve("accuracy.png");
      Image img = Files.isRegularFile(png) ? new Image(png.toUri().toString()) : null;
      return new Object[] {rows, img};
    }).quiet().onSuccess(v -> {
      @SuppressWarnings("unchecked")
      List<StudyReports.Row> rows = (List<StudyReports.Row>) v[0];
      table.getItems().setAll(rows);
      plot.setImage((Image) v[1]);
    }).onFailure(e -> message.setText(e.getMessage())));
  }

  private void startStudy() {
    Workspace w = workspace.get();
    StudyConfig cfg;
    try {
      if (w == null) {
        throw new IllegalArgumentException("open a workspace first");
      }
      boolean stepBudget = !steps.getText().isBlank();
      cfg = new StudyConfig(dataset.getText().trim(), doubles(fractions.getText(), "labelled shares"),
          Arrays.stream(recipes.getText().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
          stepBudget && minutes.getText().isBlank() ? 0 : doubles(minutes.getText(), "minutes").get(0), 42, null,
          StudyConfig.parseSteps(steps.getText()),
          Arrays.stream(inits.getText().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList());
    } catch (IllegalArgumentException e) {
      message.setText(e.getMessage());
      return;
    }
    String command = "maskocr study lowlabel --dataset " + cfg.dataset() + " --fractions " + fractions.getText().trim()
        + " --recipes " + String.join(",", cfg.recipes())
        + (cfg.minutesPerRun() > 0 ? " --minutes " + minutes.getText().trim() : "")
        + (cfg.stepBudget() ? " --steps " + steps.getText().trim() : "")
        + (cfg.inits().equals(List.of(StudyConfig.RECIPE_INIT)) ? "" : " --init " + String.join(",", cfg.inits()))
        + " (from the app)";
    Path out = w.root().resolve("studies")
        .resolve("lowlabel-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    task = BackgroundTask.of("Low-label study on " + cfg.dataset(), ctx -> {
      LowLabelStudy study = new LowLabelStudy(w, cfg, new LowLabelStudy.Listener() {
        @Override
        public void message(String line) {
          ctx.message(line);
        }

        @Override
        public void runFinished(StudyRow row, int done, int total) {
          ctx.progress(done, total);
          ctx.message(done + "/" + total + " " + row.recipe() + " @ " + StudyReportWriter.pct(row.fraction())
              + ": " + (row.error() != null ? "failed" : StudyReportWriter.pct(row.accuracy36())));
        }
      }, command);
      running.set(study);
      if (ctx.isCancelled()) {
        study.cancel();
      }
      StudyReport report = study.run();
      StudyReportWriter.write(report, out);
      return out;
    });
    progress.progressProperty().bind(task.progressProperty());
    message.textProperty().bind(task.messageProperty());
    start.setDisable(true);
    cancel.setDisable(false);
    task.onSuccess(dir -> message.textProperty().set("Report written to " + dir))
        .onFailure(e -> message.textProperty().set("Study failed: " + e.getMessage()))
        .onCancelled(() -> message.textProperty().set("Study cancelled; partial report in " + out.getFileName()))
        .onFinished(() -> {
          running.set(null);
          start.setDisable(false);
          cancel.setDisable(true);
          refresh();
        });
    // unbind before the callbacks set the final text
    task.runningProperty().addListener((o, a, now) -> {
      if (!now) {
        message.textProperty().unbind();
        progress.progressProperty().unbind();
      }
    });
    executor.execute(task);
  }

  private void cancelStudy() {
    if (task != null) {
      task.cancel();
    }
    LowLabelStudy s = running.get();
    if (s != null) {
      s.cancel();
    }
  }

  private static List<Double> doubles(String text, String what) {
    try {
      List<Double> out = Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty())
          .map(Double::parseDouble).toList();
      if (out.isEmpty()) {
        throw new IllegalArgumentException(what + ": enter at least one number");
      }
      return out;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + ": not a number list, got '" + text + "'");
    }
  }

  /** The rows on show (tests). */
  List<StudyReports.Row> rows() {
    return table.getItems();
  }

  Node node() {
    return root;
  }
}
