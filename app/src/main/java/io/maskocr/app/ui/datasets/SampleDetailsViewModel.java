package io.maskocr.app.ui.datasets;

import io.maskocr.app.ui.task.BackgroundTask;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.store.LabelEntry;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.Workspace;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import io.maskocr.viewers.grid.ThumbnailDecoder;
import java.nio.file.Path;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;

/**
 * Read-only facts about one sample: file, size, split, and its whole label history (labels
 * are appended, never overwritten, so the history tells where the current label came from).
 */
public final class SampleDetailsViewModel {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

  private final Sample sample;
  private final ObservableList<String> history = FXCollections.observableArrayList();
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
  private final ReadOnlyObjectWrapper<Image> image = new ReadOnlyObjectWrapper<>(this, "image");

  /**
   * Starts reading the history and decoding the image (at most {@code maxW x maxH}).
   */
  public SampleDetailsViewModel(TaskExecutor executor, Workspace ws, Sample sample,
      int maxW, int maxH) {
    this.sample = sample;
    Path file = ws.images().path(sample);
    executor.execute(BackgroundTask.<Image>of("Decoding image",
            // local(): a team workspace's image is fetched into the cache first, off the UI thread
            ctx -> new ThumbnailDecoder(maxW, maxH).decode(ws.images().local(sample)))
        .quiet()
        .onSuccess(image::set)
        .onFailure(e -> error.set("Cannot show the image " + file + ": " + e.getMessage())));
    executor.execute(BackgroundTask.of("Reading label history",
            ctx -> ws.labels().history(sample.id()))
        .quiet()
        .onSuccess(entries -> history.setAll(entries.stream()
            .map(SampleDetailsViewModel::describe).toList()))
        .onFailure(e -> error.set("Cannot read the label history: " + e.getMessage())));
  }

  static String describe(LabelEntry e) {
    String text = e.text() == null || e.text().isEmpty() ? "(empty)" : "\"" + e.text() + "\"";
    return TIME.format(e.time()) + "  " + text + "  by " + e.author() + " (" + e.source().code() + ")";
  }

  public String title() {
    return sample.label() == null || sample.label().isEmpty() ? "(no label)" : sample.label();
  }

  /** e.g. {@code street/exit.png · 91×46 px · png · train}. */
  public String facts() {
    return sample.originalName() + " · " + sample.width() + "×" + sample.height() + " px · "
        + sample.format() + " · " + sample.split().code();
  }

  /** Oldest first. */
  public ObservableList<String> history() {
    return history;
  }

  /** The decoded image, null until decoded. */
  public ReadOnlyObjectProperty<Image> imageProperty() {
    return image.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public Sample sample() {
    return sample;
  }

}
