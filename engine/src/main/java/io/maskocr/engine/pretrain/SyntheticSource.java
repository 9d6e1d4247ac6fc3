package io.maskocr.engine.pretrain;

import io.maskocr.engine.data.DataSource;
import io.maskocr.engine.data.Sample;

/** An endless {@link DataSource} over {@link SyntheticText}, for stages that mix it with real data. */
final class SyntheticSource implements DataSource {
  private final SyntheticText text;

  SyntheticSource(SyntheticText text) {
    this.text = text;
  }

  @Override
  public long size() {
    return Long.MAX_VALUE;
  }

  @Override
  public Sample get(long index, long variant) {
    return text.item(index).sample();
  }

  @Override
  public String describe() {
    return text.describe();
  }
}
