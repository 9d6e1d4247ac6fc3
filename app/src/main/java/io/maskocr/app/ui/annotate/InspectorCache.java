package io.maskocr.app.ui.annotate;

import io.maskocr.engine.annotate.CheckpointRef;
import io.maskocr.engine.infer.SecondLook;
import io.maskocr.engine.infer.TurnedReading;
import io.maskocr.engine.inspect.AttentionInspection;
import io.maskocr.engine.inspect.AttentionInspector;
import io.maskocr.engine.inspect.LoadedCheckpoint;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;

/**
 * Keeps the model of the last used checkpoint loaded (loading takes a second or more), for the
 * attention overlay and re-recognition of single items. As in the queue's readings, a crop taller
 * than wide is inspected turned as well and a doubtful reading deskewed, and the picture of the
 * winning reading is shown. Call from background threads only.
 */
final class InspectorCache implements AutoCloseable {
  private String key;
  private LoadedCheckpoint loaded;
  private AttentionInspector inspector;

  /** Reads {@code image} with the checkpoint, loading it first when another one is cached. */
  synchronized AttentionInspection inspect(CheckpointRef ref, BufferedImage image) throws IOException {
    if (!ref.key().equals(key)) {
      close();
      loaded = LoadedCheckpoint.open(ref.directory());
      inspector = new AttentionInspector(loaded);
      key = ref.key();
    }
    AttentionInspection upright = inspector.inspect(loaded.preprocessor().toPixels(image));
    if (TurnedReading.isTall(image)) {
      // as the queue's reading chose (TurnedReading): a word running up or down is shown turned
      AttentionInspection cw = inspector.inspect(loaded.preprocessor().toPixels(TurnedReading.turned(image, true)));
      AttentionInspection ccw = inspector.inspect(loaded.preprocessor().toPixels(TurnedReading.turned(image, false)));
      return TurnedReading.pick(upright, cw, ccw, AttentionInspection::confidence);
    }
    if (!SecondLook.doubtful(upright.confidence())) {
      return upright;
    }
    // as the queue's reading chose (SecondLook): a slanted word is shown level
    List<AttentionInspection> deskewed = SecondLook.views(image).stream()
        .map(v -> inspector.inspect(loaded.preprocessor().toPixels(v))).toList();
    return SecondLook.pick(upright, deskewed, AttentionInspection::confidence);
  }

  @Override
  public synchronized void close() {
    if (loaded != null) {
      loaded.close();
    }
    loaded = null;
    inspector = null;
    key = null;
  }
}
