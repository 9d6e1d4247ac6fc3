package io.maskocr.engine.data;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decoded images by sample id, least recently used dropped first, holding at most a fixed
 * number of bytes. Streaming sources share one cache per workspace, so two stages reading the
 * same split decode an image once while it stays in the budget. Thread-safe.
 *
 * <p>An image is weighed by its pixel buffer plus a fixed allowance for the objects around it;
 * the budget bounds what the cache retains, not a transient image a caller is still using.
 */
public final class ImageCache {
  /**
   * Bytes counted per entry besides the pixels. Measured: a decoded small grayscale PNG retains
   * about 560 bytes of objects besides its pixels (image, raster, sample and colour models);
   * the map entry and the boxed key add about 60.
   */
  static final long ENTRY_OVERHEAD = 640;

  private final long maxBytes;
  private final LinkedHashMap<Long, BufferedImage> entries = new LinkedHashMap<>(1024, 0.75f, true);
  private long bytes;
  private long peakBytes;
  private long hits;
  private long misses;
  private long evictions;

  /** @param maxBytes budget; 0 keeps nothing */
  public ImageCache(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("image cache size must be >= 0 bytes, got " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /** The cached image of {@code key}, or null (counted as a miss). */
  public synchronized BufferedImage get(long key) {
    BufferedImage img = entries.get(key);
    if (img != null) {
      hits++;
    } else {
      misses++;
    }
    return img;
  }

  /** Keeps {@code image}, dropping the least recently used entries to stay in budget. */
  public synchronized void put(long key, BufferedImage image) {
    long w = weight(image);
    if (w > maxBytes) {
      return; // larger than the whole budget: caching it would empty the cache for one image
    }
    BufferedImage old = entries.put(key, image);
    if (old != null) {
      bytes -= weight(old); // two threads decoded the same image at once
    }
    bytes += w;
    Iterator<Map.Entry<Long, BufferedImage>> it = entries.entrySet().iterator();
    while (bytes > maxBytes && it.hasNext()) {
      Map.Entry<Long, BufferedImage> eldest = it.next();
      bytes -= weight(eldest.getValue());
      it.remove();
      evictions++;
    }
    peakBytes = Math.max(peakBytes, bytes);
  }

  /** Bytes an image is counted for. */
  static long weight(BufferedImage image) {
    DataBuffer b = image.getRaster().getDataBuffer();
    long perElement = DataBuffer.getDataTypeSize(b.getDataType()) / 8;
    return (long) b.getSize() * b.getNumBanks() * perElement + ENTRY_OVERHEAD;
  }

  /** The budget in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /** A snapshot of the counters. */
  public synchronized Stats stats() {
    return new Stats(entries.size(), bytes, peakBytes, hits, misses, evictions);
  }

  /**
   * Cache counters.
   *
   * @param entries images held now
   * @param bytes bytes held now
   * @param peakBytes most bytes ever held
   * @param hits lookups answered from memory
   * @param misses lookups that had to decode
   * @param evictions images dropped to stay in budget
   */
  public record Stats(int entries, long bytes, long peakBytes, long hits, long misses, long evictions) {}
}
