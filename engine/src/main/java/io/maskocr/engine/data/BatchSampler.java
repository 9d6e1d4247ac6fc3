package io.maskocr.engine.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Chooses the samples of every step as a pure function of (seed, step), so a resumed run sees
 * the same data in the same order. One finite source is read in a fresh shuffled order each
 * epoch; several sources are mixed by weight (drawing with replacement). When a source asks for
 * it ({@link DataSource#readAheadBatches}), the next batches are prepared on a background
 * thread ({@link BatchReadAhead}); that changes when a batch is computed, never what it holds.
 * Thread-safe.
 */
public final class BatchSampler {
  private static final int MAX_REDRAWS = 50;

  private final List<DataSource> sources;
  private final double[] cumulative;
  private final long seed;
  private final Predicate<Sample> accept;
  private final BatchReadAhead readAhead;
  // Two epochs: around an epoch boundary the read-ahead thread is one epoch ahead of the
  // caller, and a single slot would reshuffle the whole order at every batch.
  private final long[] cachedEpochs = {-1, -1};
  private final int[][] cachedOrders = new int[2][];

  /**
   * @param sources at least one source
   * @param weights relative weight of each source (same length)
   * @param seed run/stage seed
   * @param accept samples failing this are redrawn (e.g. labels outside the charset)
   */
  public BatchSampler(List<DataSource> sources, double[] weights, long seed, Predicate<Sample> accept) {
    if (sources.isEmpty() || sources.size() != weights.length) {
      throw new IllegalArgumentException(
          "need one weight per data source, got " + sources.size() + " sources and " + weights.length + " weights");
    }
    this.sources = List.copyOf(sources);
    this.cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] > 0)) {
        throw new IllegalArgumentException("data source weight must be positive, got " + weights[i]);
      }
      sum += weights[i];
      cumulative[i] = sum;
    }
    for (int i = 0; i < weights.length; i++) {
      cumulative[i] /= sum;
    }
    this.seed = seed;
    this.accept = accept;
    int ahead = 0;
    for (DataSource s : this.sources) {
      ahead = Math.max(ahead, s.readAheadBatches());
    }
    this.readAhead = ahead > 0 ? new BatchReadAhead(this::compute, ahead) : null;
  }

  /** The samples of {@code step}, in order. */
  public List<Sample> batch(long step, int batchSize) {
    if (readAhead != null) {
      return readAhead.batch(step, batchSize); // computes on its one thread
    }
    synchronized (this) { // one caller at a time: a renderer behind a source may not be thread-safe
      return compute(step, batchSize);
    }
  }

  private List<Sample> compute(long step, int batchSize) {
    List<Sample> out = new ArrayList<>(batchSize);
    for (int i = 0; i < batchSize; i++) {
      long draw = step * batchSize + i;
      Sample s = draw(draw, 0);
      for (int attempt = 1; !accept.test(s); attempt++) {
        if (attempt > MAX_REDRAWS) {
          throw new IllegalStateException(
              "no usable sample after " + MAX_REDRAWS + " draws: check that the data's labels fit the charset and max length");
        }
        s = draw(draw, attempt);
      }
      requireFinite(s);
      out.add(s);
    }
    return out;
  }

  private static void requireFinite(Sample s) {
    for (float v : s.pixels()) {
      if (!Float.isFinite(v)) {
        throw new IllegalStateException("sample " + s.id() + " has a non-finite pixel value; check the image file");
      }
    }
  }

  private Sample draw(long draw, int attempt) {
    if (sources.size() == 1 && sources.get(0).finite() && attempt == 0) {
      DataSource src = sources.get(0);
      long n = src.size();
      long epoch = draw / n;
      return src.get(order(epoch, n)[(int) (draw % n)], draw);
    }
    SplittableRandom r = new SplittableRandom(Seeds.mix(seed, draw, attempt));
    double u = r.nextDouble();
    int k = 0;
    while (k < cumulative.length - 1 && u > cumulative[k]) {
      k++;
    }
    DataSource src = sources.get(k);
    long index = src.finite() ? r.nextLong(src.size()) : Seeds.mix(seed, draw, attempt) & Long.MAX_VALUE;
    return src.get(index, draw * 64 + attempt);
  }

  /** The shuffled order of {@code epoch}; int indices halve its size for a million samples. */
  private synchronized int[] order(long epoch, long n) {
    for (int k = 0; k < 2; k++) {
      if (cachedEpochs[k] == epoch) {
        return cachedOrders[k];
      }
    }
    int[] p = new int[Math.toIntExact(n)];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    SplittableRandom r = new SplittableRandom(Seeds.mix(seed, -1 - epoch));
    for (int i = p.length - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    // replace the older epoch: training moves forward, so it is the one not needed again
    int slot = cachedEpochs[0] < cachedEpochs[1] ? 0 : 1;
    cachedEpochs[slot] = epoch;
    cachedOrders[slot] = p;
    return p;
  }

  /** Provenance lines of the sources with their weights. */
  public List<String> describe() {
    List<String> out = new ArrayList<>();
    double prev = 0;
    for (int i = 0; i < sources.size(); i++) {
      out.add(String.format("%.2f x %s", cumulative[i] - prev, sources.get(i).describe()));
      prev = cumulative[i];
    }
    return out;
  }
}
