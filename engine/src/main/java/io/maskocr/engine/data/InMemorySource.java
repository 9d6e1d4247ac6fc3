package io.maskocr.engine.data;

import java.util.List;

/** A fixed list of preprocessed samples (tests, small datasets loaded once). */
public final class InMemorySource implements DataSource {
  private final String description;
  private final List<Sample> samples;

  /**
   * @param description provenance line
   * @param samples the samples, in a fixed order
   */
  public InMemorySource(String description, List<Sample> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("data source '" + description + "' holds no samples");
    }
    this.description = description;
    this.samples = List.copyOf(samples);
  }

  @Override
  public long size() {
    return samples.size();
  }

  @Override
  public Sample get(long index, long variant) {
    return samples.get((int) index);
  }

  @Override
  public String describe() {
    return description + " (" + samples.size() + " samples)";
  }

  /** The samples, for evaluation loops. */
  public List<Sample> samples() {
    return samples;
  }
}
