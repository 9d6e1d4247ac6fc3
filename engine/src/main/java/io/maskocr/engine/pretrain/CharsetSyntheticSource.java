package io.maskocr.engine.pretrain;

import io.maskocr.engine.data.DataSource;
import io.maskocr.engine.data.Sample;
import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.SyntheticResolver;

/** An endless {@link DataSource} over {@link SyntheticText} (labels and boxes filtered to the charset). */
public final class CharsetSyntheticSource implements DataSource {
  private final SyntheticText text;

  CharsetSyntheticSource(SyntheticText text) {
    this.text = text;
  }

  /**
   * A {@code synthetic} spec as a charset-filtered renderer stream in the spec's style (a {@link
   * io.maskocr.engine.train.DataResolver} for synthetic data whose every label the model can read).
   */
  public static DataSource resolve(DataSpec spec, ModelConfig config, long seed) {
    return new CharsetSyntheticSource(new SyntheticText(config, CharacterSet.fromSpec(config.charset()), seed,
        SyntheticResolver.style(spec)));
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
