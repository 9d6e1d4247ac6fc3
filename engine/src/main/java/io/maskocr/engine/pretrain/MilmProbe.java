package io.maskocr.engine.pretrain;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.maskocr.engine.data.Sample;
import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.GreedyDecoding;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.train.Checkpoints;
import io.maskocr.engine.train.MaskSpec;
import io.maskocr.engine.train.StageConfig;
import io.maskocr.engine.train.StageContext;
import io.maskocr.engine.train.DataSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a checkpoint's decoder on one MILM-masked image and returns plain values for the MILM
 * viewer: which characters were hidden and what the decoder guessed at each position.
 */
public final class MilmProbe {
  private MilmProbe() {}

  /**
   * The decoder's reading of one label position.
   *
   * @param truth the true symbol ("" past the end of the label)
   * @param hidden whether its strips were erased
   * @param guesses the three most probable symbols ("" = end of text), best first
   * @param probabilities their probabilities
   */
  public record Position(String truth, boolean hidden, String[] guesses, float[] probabilities) {
    /** True when the best guess is the true symbol. */
    public boolean correct() {
      return guesses[0].equals(truth);
    }
  }

  /**
   * One probe.
   *
   * @param channels image channels
   * @param height image height
   * @param width image width
   * @param maskedImage {@code (C, H, W)} in [-1, 1] with the hidden strips erased
   * @param hiddenPatches per patch, true when erased
   * @param gridWidth patch columns
   * @param truth the label
   * @param reading the decoder's greedy reading
   * @param positions per label position (and the end token) the guesses
   */
  public record Result(int channels, int height, int width, float[] maskedImage, boolean[] hiddenPatches,
      int gridWidth, String truth, String reading, List<Position> positions) {}

  /**
   * Masks {@code sample} (ratio = share of characters, seeded) and reads it with the
   * checkpoint's model on the calling thread.
   */
  public static Result run(Path checkpoint, Sample sample, double ratio, long seed) throws IOException {
    try (MaskOcrModel m = Checkpoints.loadModel(Checkpoints.resolve(checkpoint), null);
        NDManager scope = m.manager().newSubManager()) {
      io.maskocr.engine.model.GradMode.disableOnThisThread();
      StageConfig sc = new StageConfig("milm", 1, 1, null, null, null, null, null, null,
          new MaskSpec("character", Math.min(0.95, ratio)), List.of(new DataSpec("synthetic", null, null, null, null, null, null)));
      StageContext ctx = new StageContext(m.config(), m.charset(), (spec, c, s) -> {
        throw new IllegalStateException("probe reads no data");
      }, seed);
      MilmStage stage = new MilmStage(sc, ctx);
      return stage.probe(m, new ParameterStore(m.manager(), false), scope, sample, seed);
    }
  }

  static Result result(ModelConfig model, float[] maskedImage, CharacterMask mask, String truth,
      CharacterSet charset, GreedyDecoding.Decoded decoded, float[] probs) {
    int v = charset.vocabularySize();
    int len = truth.codePointCount(0, truth.length());
    List<Position> positions = new ArrayList<>();
    for (int pos = 0; pos <= len && pos < model.queryCount(); pos++) {
      Integer[] order = new Integer[v];
      for (int k = 0; k < v; k++) {
        order[k] = k;
      }
      final int base = pos * v;
      java.util.Arrays.sort(order, (a, b) -> Float.compare(probs[base + b], probs[base + a]));
      String[] g = new String[3];
      float[] p = new float[3];
      for (int k = 0; k < 3 && k < v; k++) {
        g[k] = charset.symbol(order[k]);
        p[k] = probs[base + order[k]];
      }
      String t = pos < len ? new String(Character.toChars(truth.codePointAt(truth.offsetByCodePoints(0, pos)))) : "";
      boolean hidden = pos < mask.characters().length && mask.characters()[pos];
      positions.add(new Position(t, hidden, g, p));
    }
    return new Result(model.channels(), model.imageHeight(), model.imageWidth(), maskedImage, mask.patches(),
        model.gridWidth(), truth, charset.decode(decoded.tokens()), positions);
  }
}
