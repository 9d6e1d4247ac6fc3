package io.maskocr.viewers.grid;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import javafx.scene.image.Image;

/**
 * Thumbnails by key (e.g. an image's SHA-256), decoded on a background executor and kept in a
 * least-recently-used cache of bounded size. Requests and callbacks happen on the UI thread
 * (the {@code uiExecutor}); only decoding runs elsewhere. A grid cell that scrolls away
 * cancels its request, so fast scrolling never builds a backlog of stale decodes.
 */
public final class ThumbnailCache {
  /** A pending request; cancel when the cell no longer shows that key. */
  @FunctionalInterface
  public interface Request {
    void cancel();
  }

  private final ThumbnailDecoder decoder;
  private final ExecutorService decodePool;
  private final Executor uiExecutor;
  private final Map<String, Image> lru;
  private final Map<String, InFlight> inFlight = new HashMap<>();
  private final Image broken;

  /**
   * @param capacity how many thumbnails to keep (a 160x48 ARGB thumbnail is ~30 KB)
   * @param decoder decodes files into thumbnails
   * @param decodePool background threads that decode (owned by the caller)
   * @param uiExecutor posts to the UI thread ({@code Platform::runLater}; direct in tests)
   * @param broken shown for files that cannot be decoded
   */
  public ThumbnailCache(int capacity, ThumbnailDecoder decoder, ExecutorService decodePool,
      Executor uiExecutor, Image broken) {
    this.decoder = decoder;
    this.decodePool = decodePool;
    this.uiExecutor = uiExecutor;
    this.broken = broken;
    this.lru = new LinkedHashMap<>(capacity * 4 / 3 + 1, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Image> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The cached thumbnail, or null; counts as a use. */
  public Image cached(String key) {
    return lru.get(key);
  }

  public int size() {
    return lru.size();
  }

  /**
   * Delivers the thumbnail of {@code file} to {@code consumer} on the UI thread: at once when
   * cached, otherwise after decoding. Several requests for one key share one decode.
   */
  public Request request(String key, Path file, Consumer<Image> consumer) {
    Image hit = lru.get(key);
    if (hit != null) {
      consumer.accept(hit);
      return () -> {};
    }
    InFlight job = inFlight.get(key);
    if (job == null) {
      job = new InFlight();
      inFlight.put(key, job);
      InFlight started = job;
      job.future = decodePool.submit(() -> {
        Image image;
        try {
          image = decoder.decode(file);
        } catch (Exception | OutOfMemoryError e) {
          image = broken;
        }
        Image result = image;
        uiExecutor.execute(() -> complete(key, started, result));
      });
    }
    InFlight owner = job;
    owner.waiters.add(consumer);
    return () -> {
      owner.waiters.remove(consumer);
      if (owner.waiters.isEmpty() && inFlight.get(key) == owner) {
        inFlight.remove(key);
        owner.future.cancel(false);
      }
    };
  }

  private void complete(String key, InFlight job, Image image) {
    if (inFlight.get(key) == job) {
      inFlight.remove(key);
    }
    if (image != broken) {
      lru.put(key, image);
    }
    for (Consumer<Image> waiter : job.waiters) {
      waiter.accept(image);
    }
    job.waiters.clear();
  }

  /** Drops everything cached (e.g. when another workspace is opened). */
  public void clear() {
    lru.clear();
  }

  private static final class InFlight {
    final List<Consumer<Image>> waiters = new ArrayList<>(1);
    Future<?> future;
  }
}
