package io.maskocr.app.ui.datasets;

import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.io.ImportFormat;
import io.maskocr.engine.io.ImportRequest;
import io.maskocr.engine.io.ImportSummary;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * State of the import dialog: the source path (typed or chosen), the format (null = detect),
 * the dataset name (defaults to the source's file name until the user edits it), the split
 * and an optional label pattern; then progress, cancel and the summary of the import.
 */
public final class ImportViewModel {
  /** Skipped items listed by name in the dialog. */
  static final int SKIPPED_SHOWN = 5;

  private final TaskExecutor executor;
  private final Supplier<Workspace> workspace;
  private final ImportRunner runner;
  private final Consumer<ImportSummary> onImported;
  private final StringProperty source = new SimpleStringProperty(this, "source", "");
  private final ObjectProperty<ImportFormat> format = new SimpleObjectProperty<>(this, "format");
  private final StringProperty datasetName = new SimpleStringProperty(this, "datasetName", "");
  private final ObjectProperty<Split> split = new SimpleObjectProperty<>(this, "split", Split.TRAIN);
  private final StringProperty labelPattern = new SimpleStringProperty(this, "labelPattern", "");
  private final BooleanProperty nameEdited = new SimpleBooleanProperty(this, "nameEdited");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
  private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(this, "done");
  private final BooleanBinding canStart;
  private BackgroundTask<ImportSummary> task;
  /** Set by the import body: a cancelled import still returns what it committed. */
  private volatile ImportSummary lastSummary;
  private boolean settingNameFromSource;

  /**
   * @param executor runs the import
   * @param workspace the open workspace (read when the import starts)
   * @param runner the import service
   * @param onImported called on the UI thread after an import (also a cancelled one) with
   *     its summary, e.g. to reload the dataset list
   */
  public ImportViewModel(TaskExecutor executor, Supplier<Workspace> workspace,
      ImportRunner runner, Consumer<ImportSummary> onImported) {
    this.executor = executor;
    this.workspace = workspace;
    this.runner = runner;
    this.onImported = onImported;
    source.addListener((obs, old, now) -> {
      if (!nameEdited.get()) {
        settingNameFromSource = true;
        datasetName.set(defaultName(now));
        settingNameFromSource = false;
      }
    });
    datasetName.addListener((obs, old, now) -> {
      if (!settingNameFromSource) {
        nameEdited.set(now != null && !now.isBlank());
      }
    });
    canStart = Bindings.createBooleanBinding(
        () -> !running.get() && sourcePath() != null && !datasetName.get().isBlank(),
        running, source, datasetName);
  }

  /** The dataset name proposed for a source: its file name without extension. */
  static String defaultName(String sourceText) {
    Path p = parse(sourceText);
    if (p == null || p.getFileName() == null) {
      return "";
    }
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static Path parse(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Path.of(text.strip());
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** The source as a path, or null when empty or not a valid path. */
  public Path sourcePath() {
    return parse(source.get());
  }

  /** Starts the import in the background. Does nothing unless {@link #canStartBinding()}. */
  public void start() {
    Workspace ws = workspace.get();
    if (!canStart.get()) {
      return;
    }
    if (ws == null) {
      status.set("No workspace is open.");
      failed.set(true);
      return;
    }
    String pattern = labelPattern.get() == null || labelPattern.get().isBlank()
        ? null : labelPattern.get().strip();
    ImportRequest request = new ImportRequest(sourcePath().toAbsolutePath(),
        datasetName.get().strip(), format.get(), split.get(), pattern);
    running.set(true);
    failed.set(false);
    done.set(false);
    progress.set(-1);
    status.set("Starting…");
    lastSummary = null;
    task = BackgroundTask.of("Importing " + request.dataset(), ctx -> {
      lastSummary = runner.run(ws, request, p -> {
        ctx.progress(p.processed(), p.total());
        ctx.message(p.processed() + (p.total() > 0 ? " / " + p.total() : "") + " · imported "
            + p.imported() + " · skipped " + p.skipped());
      }, ctx::isCancelled);
      return lastSummary;
    });
    progress.bind(task.progressProperty());
    status.bind(task.messageProperty());
    task.onSuccess(summary -> finish(summary, null))
        .onCancelled(() -> finish(lastSummary, null))
        .onFailure(e -> finish(null, e));
    executor.execute(task);
  }

  private void finish(ImportSummary summary, Exception error) {
    progress.unbind();
    status.unbind();
    running.set(false);
    done.set(true);
    if (error != null) {
      failed.set(true);
      status.set("Import failed: " + error.getMessage());
      return;
    }
    if (summary == null) {
      status.set("Import cancelled; batches already committed are kept.");
      onImported.accept(null);
      return;
    }
    progress.set(1);
    status.set(describe(summary));
    onImported.accept(summary);
  }

  /** The summary line, plus the first skipped items so the user can find and fix them. */
  static String describe(ImportSummary summary) {
    StringBuilder b = new StringBuilder(summary.cancelled() ? "Cancelled: " : "Done: ")
        .append(summary.oneLine());
    int shown = Math.min(SKIPPED_SHOWN, summary.skippedExamples().size());
    for (int i = 0; i < shown; i++) {
      b.append("\n  ").append(summary.skippedExamples().get(i));
    }
    if (summary.skipped() > shown) {
      b.append("\n  … ").append(summary.skipped() - shown).append(" more skipped");
    }
    return b.toString();
  }

  /** Asks the running import to stop after its current batch. */
  public void cancel() {
    if (task != null && running.get()) {
      task.cancel(); // status stays bound to the task: the next batch report is the last
    }
  }

  public StringProperty sourceProperty() {
    return source;
  }

  /** Import format; null means detect from the source. */
  public ObjectProperty<ImportFormat> formatProperty() {
    return format;
  }

  public StringProperty datasetNameProperty() {
    return datasetName;
  }

  public ObjectProperty<Split> splitProperty() {
    return split;
  }

  /** Folder format only: {@code {label}_*.png} glob or a regex with a {@code label} group. */
  public StringProperty labelPatternProperty() {
    return labelPattern;
  }

  public BooleanBinding canStartBinding() {
    return canStart;
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** Fraction done, -1 while the total is unknown. */
  public ReadOnlyDoubleProperty progressProperty() {
    return progress;
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty failedProperty() {
    return failed.getReadOnlyProperty();
  }

  /** True once an import has ended (success, cancel or failure). */
  public ReadOnlyBooleanProperty doneProperty() {
    return done.getReadOnlyProperty();
  }
}
