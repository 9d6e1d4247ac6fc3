package io.maskocr.app.ui.annotate;

import io.maskocr.engine.annotate.CheckpointRef;
import io.maskocr.engine.infer.SecondLook;
import io.maskocr.engine.infer.TurnedReading;
import io.maskocr.engine.inspect.AttentionInspection;
import io.maskocr.engine.inspect.AttentionInspector;
import io.maskocr.engine.inspect.LoadedCheckpoint;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

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
    return inspect(ref, image, null);
  }

  /**
   * As {@link #inspect(CheckpointRef, BufferedImage)}; when {@code reading} (the queue's reading by
   * this checkpoint) is given, the picture that reads it most confidently wins: the attention shown
   * is where the model looked for the text on screen. The queue reads both heads, this view the
   * decoder alone, so their confidences differ and the rule alone could pick another picture.
   */
  synchronized AttentionInspection inspect(CheckpointRef ref, BufferedImage image, String reading) throws IOException {
    if (!ref.key().equals(key)) {
      close();
      loaded = LoadedCheckpoint.open(ref.directory());
      inspector = new AttentionInspector(loaded);
      key = ref.key();
    }
    AttentionInspection upright = read(image);
    boolean tall = TurnedReading.isTall(image);
    boolean settled = !SecondLook.doubtful(upright.text(), upright.confidence())
        && (reading == null || upright.text().equals(reading));
    if (!tall && settled) {
      return upright;
    }
    // the queue's other pictures: a tall crop turned a quarter each way (TurnedReading), then a
    // doubtful reading's other pictures (SecondLook)
    List<BufferedImage> others = new ArrayList<>();
    if (tall) {
      others.add(TurnedReading.turned(image, true));
      others.add(TurnedReading.turned(image, false));
    }
    if (SecondLook.enabled()) {
      others.addAll(SecondLook.forRecipe(loaded.info() == null ? null : loaded.info().recipe()).views(image));
    }
    List<AttentionInspection> read = others.stream().map(this::read).toList();
    Optional<AttentionInspection> source = Stream.concat(Stream.of(upright), read.stream())
        .filter(o -> o.text().equals(reading))
        .max(Comparator.comparingDouble(AttentionInspection::confidence));
    if (source.isPresent()) {
      return source.get();
    }
    AttentionInspection first = tall
        ? TurnedReading.pick(upright, read.get(0), read.get(1), AttentionInspection::confidence) : upright;
    return SecondLook.vote(first, read.subList(tall ? 2 : 0, read.size()), AttentionInspection::text,
        AttentionInspection::confidence);
  }

  private AttentionInspection read(BufferedImage picture) {
    return inspector.inspect(loaded.preprocessor().toPixels(picture));
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
