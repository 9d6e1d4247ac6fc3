package io.maskocr.engine.data;

import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.NewSample;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.StoreFixtures;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.ModelSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small workspace dataset for streaming tests: crops of varied sizes, one unlabeled. */
final class StreamFixtures {
  /** Samples in the train split of dataset {@code d} built by {@link #dataset}. */
  static final int TRAIN = 37;

  private StreamFixtures() {}

  /**
   * Dataset {@code d}: {@link #TRAIN} train samples ({@code w0, w1, ...}, sample 7 unlabeled,
   * widths 30..70) and 5 test samples the train split must not include.
   */
  static Dataset dataset(Workspace ws) throws IOException {
    Dataset d = ws.datasets().create("d");
    List<NewSample> batch = new ArrayList<>();
    for (int i = 0; i < TRAIN + 5; i++) {
      int w = 30 + (i * 7) % 41;
      byte[] png = StoreFixtures.png(i * 31 + 5, w, 16);
      String sha = StoreFixtures.sha256(png);
      ws.images().put(sha, "png", png);
      Split split = i < TRAIN ? Split.TRAIN : Split.TEST;
      batch.add(new NewSample(sha, "png", w, 16, "img" + i + ".png", split, i == 7 ? null : "w" + i));
    }
    ws.samples().addBatch(d.id(), batch, "test");
    return d;
  }

  /** The tiny preset: 32x128 grayscale input. */
  static ModelConfig model() {
    return new ModelSpec("tiny", Map.of()).resolve();
  }
}
