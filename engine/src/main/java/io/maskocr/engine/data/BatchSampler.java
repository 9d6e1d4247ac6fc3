package io.maskocr.engine.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Chooses the samples of every step as a pure function of (seed, step), so a resumed run sees
 * the same data in the same order. One finite source is read in a fresh shuffled order each
 * epoch; several sources are mixed by weight (drawing with replacement).
 */
public final class BatchSampler {
  private static final int MAX_REDRAWS = 50;

  private final List<DataSource> sources;
  private final double[] cumulative;
  private final long seed;
  private final Predicate<Sample> accept;
  private long cachedEpoch = -1;
  private long[] cachedOrder;

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
  }

  /** The samples of {@code step}, in order. */
  public synchronized List<Sample> batch(long step, int batchSize) {
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

  private long[] order(long epoch, long n) {
    if (epoch != cachedEpoch) {
      long[] p = new long[(int) n];
      for (int i = 0; i < n; i++) {
        p[i] = i;
      }
      SplittableRandom r = new SplittableRandom(Seeds.mix(seed, -1 - epoch));
      for (int i = p.length - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        long t = p[i];
        p[i] = p[j];
        p[j] = t;
      }
      cachedOrder = p;
      cachedEpoch = epoch;
    }
    return cachedOrder;
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
