package io.maskocr.app.ui.learn;

import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.app.ui.task.TaskContext;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.annotate.CheckpointRef;
import io.maskocr.engine.learn.BundledSamples;
import io.maskocr.engine.learn.LearnImage;
import io.maskocr.engine.learn.LearnModel;
import io.maskocr.engine.learn.LearnProgress;
import io.maskocr.engine.learn.LearnProgressFile;
import io.maskocr.engine.learn.LearnSession;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.store.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * State of the Learn walk-through: which step is shown, which picture, and the model. Opening a
 * workspace restores the saved step and picture and makes sure a model exists (training a small
 * one on first use); every change of step or picture is saved. All work runs on the injected
 * executor; properties change on the UI thread.
 */
public final class LearnViewModel implements AutoCloseable {
  /** Makes the model available: finds or trains a checkpoint, then loads it. */
  @FunctionalInterface
  public interface ModelProvider {
    LearnSession provide(Workspace workspace, TaskContext context) throws Exception;
  }

  private final TaskExecutor executor;
  private final ModelProvider provider;
  private final int stepCount;
  private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step", 0);
  private final ReadOnlyObjectWrapper<StepInput> input = new ReadOnlyObjectWrapper<>(this, "input");
  private final ReadOnlyObjectWrapper<BundledSamples> samples = new ReadOnlyObjectWrapper<>(this, "samples");
  private final ReadOnlyStringWrapper modelStatus = new ReadOnlyStringWrapper(this, "modelStatus", "");
  private final ReadOnlyDoubleWrapper modelProgress = new ReadOnlyDoubleWrapper(this, "modelProgress", 0);
  private final javafx.beans.property.ReadOnlyBooleanWrapper preparing =
      new javafx.beans.property.ReadOnlyBooleanWrapper(this, "preparing", false);
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
  private Workspace workspace;
  private LearnProgressFile progressFile;
  private LearnProgress progress = LearnProgress.start();
  private LearnSession session;
  private ModelConfig plannedConfig;
  private BackgroundTask<?> modelTask;
  private LearnImage image;
  private long publishing;

  /**
   * @param executor runs loading, training and saving
   * @param provider finds or trains the model ({@link #standardProvider()} in the app)
   * @param stepCount number of steps (next stops at the last)
   */
  public LearnViewModel(TaskExecutor executor, ModelProvider provider, int stepCount) {
    this.executor = executor;
    this.provider = provider;
    this.stepCount = stepCount;
  }

  /**
   * The app's provider: newest workspace checkpoint, else the bundled starter model, else (an
   * installation without it) train the {@code quick} recipe.
   */
  public static ModelProvider standardProvider() {
    return (ws, ctx) -> {
      CheckpointRef ref = LearnModel.ensureWithStarter(ws, LearnModel.defaultRecipe(), (s, total, msg) -> {
        ctx.progress(s, total);
        ctx.message(msg);
      }, ctx::isCancelled);
      ctx.message("loading model " + ref.key());
      return LearnSession.open(ref.directory());
    };
  }

  /** Shows {@code ws} (null: nothing open): restores its saved place and prepares the model. */
  public void attach(Workspace ws) {
    if (modelTask != null) {
      modelTask.cancel();
    }
    closeSession();
    workspace = ws;
    image = null;
    input.set(null);
    if (ws == null) {
      return;
    }
    Path root = ws.root();
    executor.execute(BackgroundTask.of("Opening Learn", ctx -> {
      LearnProgressFile file = new LearnProgressFile(root);
      LearnProgress p = file.load();
      BundledSamples bundled = BundledSamples.standard();
      ModelConfig planned = LearnModel.defaultRecipe().model().resolve();
      LearnImage img;
      try {
        img = load(p.image(), bundled);
      } catch (IOException e) {
        img = bundled.image(0); // the saved own image was moved or deleted: start with a sample
        p = p.withImage(img.source());
      }
      return new Opened(file, p, bundled, planned, img);
    }).quiet().onSuccess(o -> {
      if (workspace != ws) {
        return;
      }
      progressFile = o.file;
      progress = o.progress;
      samples.set(o.samples);
      plannedConfig = o.planned;
      step.set(Math.min(stepCount - 1, o.progress.step()));
      image = o.image;
      publish();
      prepareModel(ws);
    }).onFailure(e -> error.set("Learn cannot start: " + e.getMessage())));
  }

  private record Opened(LearnProgressFile file, LearnProgress progress, BundledSamples samples, ModelConfig planned,
      LearnImage image) {}

  private static LearnImage load(String source, BundledSamples bundled) throws IOException {
    return source.startsWith(LearnProgress.SAMPLE_PREFIX)
        ? bundled.image(new LearnProgress(0, source).sampleIndex()) : LearnImage.fromFile(Path.of(source));
  }

  private void prepareModel(Workspace ws) {
    modelStatus.set("looking for a model in the workspace…");
    modelProgress.set(-1);
    preparing.set(true);
    BackgroundTask<LearnSession> task = BackgroundTask.of("Preparing the Learn model", ctx -> provider.provide(ws, ctx));
    modelTask = task;
    task.progressProperty().addListener((o, a, b) -> modelProgress.set(b.doubleValue()));
    task.messageProperty().addListener((o, a, b) -> modelStatus.set(b));
    task.onSuccess(s -> {
      if (workspace != ws) {
        s.close();
        return;
      }
      session = s;
      preparing.set(false);
      modelProgress.set(1);
      modelStatus.set("model " + s.checkpointId() + " (recipe " + s.recipeName() + ", " + s.config().preset() + ")");
      if (image != null) {
        publish();
      }
    }).onFailure(e -> {
      preparing.set(false);
      modelProgress.set(0);
      modelStatus.set("no model: " + e.getMessage());
    }).onCancelled(() -> {
      preparing.set(false);
      modelStatus.set("model preparation cancelled; open Learn again to retry");
    });
    executor.execute(task);
  }

  /** The config steps use: the loaded model's, else the planned one. */
  private ModelConfig config() {
    return session != null ? session.config() : plannedConfig;
  }

  /**
   * Turns the current picture into the step input (resizing is done off the UI thread). Only
   * the newest request is published, so a picture chosen while the model loads is never
   * replaced by an older one.
   */
  private void publish() {
    LearnImage img = image;
    ModelConfig c = config();
    LearnSession s = session;
    Workspace ws = workspace;
    long request = ++publishing;
    executor.execute(BackgroundTask.of("Preparing the picture", ctx -> img.toSample(c)).quiet().onSuccess(sample -> {
      if (workspace == ws && request == publishing) {
        input.set(new StepInput(img, sample, c, s));
      }
    }).onFailure(e -> error.set("cannot prepare " + img.name() + ": " + e.getMessage())));
  }

  /** Uses bundled sample {@code index}. */
  public void useSample(int index) {
    BundledSamples b = samples.get();
    if (b == null) {
      return;
    }
    executor.execute(BackgroundTask.of("Loading sample", ctx -> b.image(index)).quiet().onSuccess(this::useImage)
        .onFailure(e -> error.set(e.getMessage())));
  }

  /** Uses the student's own picture (decoded off the UI thread; errors name the file). */
  public void useFile(Path file) {
    executor.execute(BackgroundTask.of("Opening " + file.getFileName(), ctx -> LearnImage.fromFile(file)).quiet()
        .onSuccess(this::useImage).onFailure(e -> error.set(e.getMessage())));
  }

  private void useImage(LearnImage img) {
    error.set("");
    image = img;
    publish();
    save(progress.withImage(img.source()));
  }

  /** Next step (stays on the last). */
  public void next() {
    goTo(step.get() + 1);
  }

  /** Previous step (stays on the first). */
  public void back() {
    goTo(step.get() - 1);
  }

  /** Shows step {@code index} (clamped) and remembers it. */
  public void goTo(int index) {
    int s = Math.max(0, Math.min(stepCount - 1, index));
    if (s != step.get()) {
      step.set(s);
      save(progress.withStep(s));
    }
  }

  private void save(LearnProgress p) {
    progress = p;
    LearnProgressFile file = progressFile;
    if (file != null) {
      executor.execute(BackgroundTask.of("Saving Learn progress", ctx -> {
        file.save(p);
        return p;
      }).quiet().onFailure(e -> error.set(e.getMessage())));
    }
  }

  public ReadOnlyIntegerProperty stepProperty() {
    return step.getReadOnlyProperty();
  }

  public int stepCount() {
    return stepCount;
  }

  /** The current picture, model input and model; null while loading. */
  public ReadOnlyObjectProperty<StepInput> inputProperty() {
    return input.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<BundledSamples> samplesProperty() {
    return samples.getReadOnlyProperty();
  }

  /** One line about the model: searching, training progress, or which checkpoint is loaded. */
  /** True while the model is being found, waited for or trained (Cancel applies). */
  public javafx.beans.property.ReadOnlyBooleanProperty preparingProperty() {
    return preparing.getReadOnlyProperty();
  }

  /** Cancels preparing the model: a Learn run waiting in the training queue leaves it, a training one stops. */
  public void cancelModel() {
    if (modelTask != null) {
      modelTask.cancel();
    }
  }

  public ReadOnlyStringProperty modelStatusProperty() {
    return modelStatus.getReadOnlyProperty();
  }

  /** Training progress 0..1, -1 while unknown, 1 when ready. */
  public ReadOnlyDoubleProperty modelProgressProperty() {
    return modelProgress.getReadOnlyProperty();
  }

  /** The last error for the student, or empty. */
  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  /** The saved place (what {@code learn.json} holds). */
  public LearnProgress progress() {
    return progress;
  }

  /** Cancels model preparation and frees the model. */
  @Override
  public void close() {
    if (modelTask != null) {
      modelTask.cancel();
    }
    closeSession();
  }

  private void closeSession() {
    LearnSession s = session;
    session = null;
    if (s != null) {
      // inference of a step may still hold the model: free it off the UI thread, serialized with it
      executor.execute(BackgroundTask.of("Closing Learn model", ctx -> {
        s.close();
        return null;
      }).quiet());
    }
  }
}
