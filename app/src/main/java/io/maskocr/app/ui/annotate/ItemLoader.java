package io.maskocr.app.ui.annotate;

import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.annotate.CheckpointRef;
import io.maskocr.engine.annotate.WorkspaceCheckpoints;
import io.maskocr.engine.external.WorkspaceReaders;
import io.maskocr.engine.inspect.AttentionInspection;
import io.maskocr.engine.store.LabelEntry;
import io.maskocr.engine.store.Prediction;
import io.maskocr.engine.store.QueueItem;
import io.maskocr.engine.store.Workspace;
import java.util.List;
import java.util.function.Consumer;

/**
 * Loads what the work view shows of one queue row, off the UI thread: the image and label
 * history, the attention of the chosen checkpoint, and a fresh reading by the newest
 * checkpoint. Keeps the last used model loaded ({@link InspectorCache}), since loading takes a
 * second or more. Answers arrive on the UI thread; the caller drops those for a row it no
 * longer shows.
 */
final class ItemLoader implements AutoCloseable {
  private final TaskExecutor executor;
  private final Consumer<Exception> onError;
  private final InspectorCache inspector = new InspectorCache();

  /** @param onError gets failed loads (on the UI thread) */
  ItemLoader(TaskExecutor executor, Consumer<Exception> onError) {
    this.executor = executor;
    this.onError = onError;
  }

  /** Reads the row's image and label history; an unreadable image is reported in the details, not as a failure. */
  void details(Workspace ws, QueueItem item, Consumer<ItemDetails> onLoaded) {
    long id = item.sample().id();
    executor.execute(BackgroundTask.of("load item", c -> {
      List<LabelEntry> h = ws.labels().history(id);
      try {
        return new ItemDetails(id, ws.images().read(item.sample()), h, null);
      } catch (Exception e) {
        return new ItemDetails(id, null, h, "cannot read the image: " + e.getMessage());
      }
    }).quiet().onSuccess(onLoaded::accept).onFailure(onError::accept));
  }

  /** Reads the row's image with checkpoint {@code key} and hands over its per-character attention. */
  void attention(Workspace ws, QueueItem item, String key, Consumer<AttentionInspection> onLoaded) {
    if (WorkspaceReaders.isExternal(key)) {
      return; // an external model exposes no attention
    }
    executor.execute(BackgroundTask.of("attention", c -> {
      CheckpointRef ref = WorkspaceCheckpoints.require(ws, key);
      String reading = item.prediction() != null && key.equals(item.prediction().checkpoint())
          ? item.prediction().text() : null;
      return inspector.inspect(ref, ws.images().read(item.sample()), reading);
    }).quiet().onSuccess(onLoaded::accept).onFailure(onError::accept));
  }

  /**
   * Reads the row's image again with the workspace's newest checkpoint and stores that
   * prediction (a visible task: it may load a model).
   */
  void reread(Workspace ws, QueueItem item, Consumer<Reread> onLoaded) {
    executor.execute(BackgroundTask.of("re-recognize", c -> {
      CheckpointRef newest = WorkspaceCheckpoints.newest(ws).orElseThrow(
          () -> new IllegalStateException("no checkpoint in this workspace: train a model first"));
      AttentionInspection a = inspector.inspect(newest, ws.images().read(item.sample()));
      float[] probs = new float[a.characters().size()];
      for (int i = 0; i < probs.length; i++) {
        probs[i] = a.characters().get(i).probability();
      }
      Prediction p = new Prediction(item.sample().id(), a.checkpoint(), a.text(), a.confidence(), probs);
      ws.predictions().insertBatch(List.of(p));
      return new Reread(p, a);
    }).onSuccess(onLoaded::accept).onFailure(onError::accept));
  }

  /**
   * A fresh reading of one row.
   *
   * @param prediction the stored prediction
   * @param attention what the model attended to for each character
   */
  record Reread(Prediction prediction, AttentionInspection attention) {}

  /** Frees the cached model in the background (the workspace changes). */
  void release() {
    executor.execute(BackgroundTask.of("release model", c -> {
      inspector.close();
      return null;
    }).quiet());
  }

  /** Frees the cached model now (the section is closing). */
  @Override
  public void close() {
    inspector.close();
  }
}
