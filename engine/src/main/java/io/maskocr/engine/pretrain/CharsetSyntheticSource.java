package io.maskocr.engine.pretrain;

import io.maskocr.engine.data.DataSource;
import io.maskocr.engine.data.Sample;

/** An endless {@link DataSource} over {@link SyntheticText} (labels and boxes filtered to the charset). */
final class CharsetSyntheticSource implements DataSource {
  private final SyntheticText text;

  CharsetSyntheticSource(SyntheticText text) {
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
