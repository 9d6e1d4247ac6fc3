package io.maskocr.app.ui.experiments;

import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.app.ui.task.TaskContext;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;

/**
 * State of the Studies tab: the low-label study reports of the workspace
 * ({@code <workspace>/studies/}), the rows and plot of the selected one, and the form that
 * starts a study in the background (progress per finished run; cancel stops the current run
 * with a checkpoint and still writes the partial report). Files are read and studies run on the
 * executor; properties change on the UI thread only.
 */
final class StudiesViewModel {
  private final TaskExecutor executor;
  private final Supplier<Workspace> workspace;
  private final ObservableList<Path> reports = FXCollections.observableArrayList();
  private final ObjectProperty<Path> selected = new SimpleObjectProperty<>(this, "selected");
  private final ObservableList<StudyReports.Row> rows = FXCollections.observableArrayList();
  private final ReadOnlyObjectWrapper<Image> plot = new ReadOnlyObjectWrapper<>(this, "plot");
  private final StringProperty message = new SimpleStringProperty(this, "message", "");
  private final StringProperty dataset = new SimpleStringProperty(this, "dataset", "");
  private final StringProperty fractions = new SimpleStringProperty(this, "fractions", "0.01,0.1,1");
  private final StringProperty recipes = new SimpleStringProperty(this, "recipes", "scratch,maskocr,dptr,odm");
  private final StringProperty minutes = new SimpleStringProperty(this, "minutes", "3");
  private final StringProperty steps = new SimpleStringProperty(this, "steps", "");
  private final StringProperty inits = new SimpleStringProperty(this, "inits", StudyConfig.RECIPE_INIT);
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
  private final AtomicReference<LowLabelStudy> study = new AtomicReference<>();
  private BackgroundTask<Path> task;

  /** @param workspace the open workspace, or null */
  StudiesViewModel(TaskExecutor executor, Supplier<Workspace> workspace) {
    this.executor = executor;
    this.workspace = workspace;
    selected.addListener((o, a, p) -> load(p));
  }

  /** Re-lists the workspace's reports in the background and selects the newest. */
  void refresh() {
    Workspace w = workspace.get();
    if (w == null) {
      reports.clear();
      return;
    }
    Path root = w.root();
    executor.execute(BackgroundTask.of("Listing studies", ctx -> StudyReports.list(root)).quiet()
        .onSuccess(list -> {
          reports.setAll(list);
          if (!list.isEmpty()) {
            selected.set(list.get(0));
          }
        })
        .onFailure(e -> message.set("Cannot list studies: " + e.getMessage())));
  }

  private void load(Path report) {
    if (report == null) {
      rows.clear();
      plot.set(null);
      return;
    }
    executor.execute(BackgroundTask.of("Reading " + report.getFileName(), ctx -> {
      List<StudyReports.Row> read = StudyReports.read(report);
      Path png = report.resolve("accuracy.png");
      // decoded here, off the UI thread: the plot is a large PNG
      return new Loaded(read, Files.isRegularFile(png) ? new Image(png.toUri().toString()) : null);
    }).quiet().onSuccess(l -> {
      if (report.equals(selected.get())) {
        rows.setAll(l.rows);
        plot.set(l.plot);
      }
    }).onFailure(e -> message.set(e.getMessage())));
  }

  private record Loaded(List<StudyReports.Row> rows, Image plot) {}

  /**
   * Starts a study from the form, or says in {@link #messageProperty()} which field is wrong
   * (nothing runs then).
   */
  void start() {
    Workspace w = workspace.get();
    if (running.get()) {
      return;
    }
    StudyConfig cfg;
    try {
      if (w == null) {
        throw new IllegalArgumentException("open a workspace first");
      }
      cfg = config();
    } catch (IllegalArgumentException e) {
      message.set(e.getMessage());
      return;
    }
    String command = command(cfg);
    Path out = w.root().resolve("studies")
        .resolve("lowlabel-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
    task = BackgroundTask.of("Low-label study on " + cfg.dataset(), ctx -> runStudy(w, cfg, command, out, ctx));
    progress.bind(task.progressProperty());
    message.bind(task.messageProperty());
    running.set(true);
    // unbind before the callbacks set the final text
    task.runningProperty().addListener((o, a, now) -> {
      if (!now) {
        message.unbind();
        progress.unbind();
      }
    });
    task.onSuccess(dir -> message.set("Report written to " + dir))
        .onFailure(e -> message.set("Study failed: " + e.getMessage()))
        .onCancelled(() -> message.set("Study cancelled; partial report in " + out.getFileName()))
        .onFinished(() -> {
          study.set(null);
          running.set(false);
          refresh();
        });
    executor.execute(task);
  }

  /**
   * The one place that runs a study (off the UI thread): each finished run reports progress,
   * and the report is written, partial when cancelled.
   */
  private Path runStudy(Workspace w, StudyConfig cfg, String command, Path out, TaskContext ctx) throws Exception {
    LowLabelStudy s = new LowLabelStudy(w, cfg, new LowLabelStudy.Listener() {
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
    study.set(s);
    if (ctx.isCancelled()) {
      s.cancel();
    }
    StudyReport report = s.run();
    StudyReportWriter.write(report, out);
    return out;
  }

  /** Stops the running study: the current run ends with a checkpoint and the partial report is written. */
  void cancel() {
    if (task != null) {
      task.cancel();
    }
    LowLabelStudy s = study.get();
    if (s != null) {
      s.cancel();
    }
  }

  /** The study the form describes; an {@link IllegalArgumentException} names the wrong field. */
  StudyConfig config() {
    boolean stepBudget = !steps.get().isBlank();
    return new StudyConfig(dataset.get().trim(), doubles(fractions.get(), "labelled shares"), list(recipes.get()),
        stepBudget && minutes.get().isBlank() ? 0 : doubles(minutes.get(), "minutes").get(0), 42, null,
        StudyConfig.parseSteps(steps.get()), list(inits.get()));
  }

  /** The CLI command that runs the same study, recorded with the report. */
  String command(StudyConfig cfg) {
    return "maskocr study lowlabel --dataset " + cfg.dataset() + " --fractions " + fractions.get().trim()
        + " --recipes " + String.join(",", cfg.recipes())
        + (cfg.minutesPerRun() > 0 ? " --minutes " + minutes.get().trim() : "")
        + (cfg.stepBudget() ? " --steps " + steps.get().trim() : "")
        + (cfg.inits().equals(List.of(StudyConfig.RECIPE_INIT)) ? "" : " --init " + String.join(",", cfg.inits()))
        + " (from the app)";
  }

  private static List<String> list(String text) {
    return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static List<Double> doubles(String text, String what) {
    try {
      List<Double> out = list(text).stream().map(Double::parseDouble).toList();
      if (out.isEmpty()) {
        throw new IllegalArgumentException(what + ": enter at least one number");
      }
      return out;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + ": not a number list, got '" + text + "'");
    }
  }

  ObservableList<Path> reports() {
    return reports;
  }

  /** The report shown; set by the list, and by {@link #refresh} to the newest. */
  ObjectProperty<Path> selectedProperty() {
    return selected;
  }

  ObservableList<StudyReports.Row> rows() {
    return rows;
  }

  ReadOnlyObjectProperty<Image> plotProperty() {
    return plot.getReadOnlyProperty();
  }

  /** What happened last, or the running study's latest line. */
  StringProperty messageProperty() {
    return message;
  }

  StringProperty datasetProperty() {
    return dataset;
  }

  StringProperty fractionsProperty() {
    return fractions;
  }

  StringProperty recipesProperty() {
    return recipes;
  }

  StringProperty minutesProperty() {
    return minutes;
  }

  StringProperty stepsProperty() {
    return steps;
  }

  StringProperty initsProperty() {
    return inits;
  }

  ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  ReadOnlyDoubleProperty progressProperty() {
    return progress;
  }
}
