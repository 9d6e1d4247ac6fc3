package io.maskocr.engine.data;

/**
 * How a streaming workspace source reads images: the byte budget of its decoded-image cache
 * and how many batches a background thread prepares ahead of the trainer.
 *
 * <p>The defaults suit a laptop: 256 MiB of decoded crops (about 200,000 small grayscale word
 * crops, or every image of a typical hand-labelled set, so small datasets are read from disk
 * once) and 4 batches ahead (one trainer step hides several batches of decoding, so a short
 * disk stall does not reach the trainer). They can be changed without code with the system
 * properties {@value #CACHE_MB_PROPERTY} and {@value #READ_AHEAD_PROPERTY}.
 *
 * @param cacheBytes upper bound of the decoded images kept in memory (0 = no cache)
 * @param readAheadBatches batches prepared ahead on a background thread (0 = none)
 */
public record StreamOptions(long cacheBytes, int readAheadBatches) {
  /** System property overriding the cache size, in MiB. */
  public static final String CACHE_MB_PROPERTY = "maskocr.data.cacheMb";
  /** System property overriding the read-ahead depth, in batches. */
  public static final String READ_AHEAD_PROPERTY = "maskocr.data.readAhead";
  /** Default cache budget, in MiB. */
  public static final long DEFAULT_CACHE_MB = 256;
  /** Default read-ahead depth, in batches. */
  public static final int DEFAULT_READ_AHEAD = 4;

  /** Checks the ranges; messages name the value. */
  public StreamOptions {
    if (cacheBytes < 0) {
      throw new IllegalArgumentException("image cache size must be >= 0 bytes, got " + cacheBytes);
    }
    if (readAheadBatches < 0 || readAheadBatches > 64) {
      throw new IllegalArgumentException("read-ahead must be 0..64 batches, got " + readAheadBatches);
    }
  }

  /** The defaults, overridden by the system properties when they are set. */
  public static StreamOptions defaults() {
    long mb = Long.getLong(CACHE_MB_PROPERTY, DEFAULT_CACHE_MB);
    int ahead = Integer.getInteger(READ_AHEAD_PROPERTY, DEFAULT_READ_AHEAD);
    return new StreamOptions(mb << 20, ahead);
  }
}
