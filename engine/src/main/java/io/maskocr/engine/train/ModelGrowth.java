package io.maskocr.engine.train;

import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.ModelPart;
import io.maskocr.engine.model.NamedParameter;
import io.maskocr.engine.model.Tensor;
import io.maskocr.engine.model.TensorFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deepens a trained encoder without changing what the model computes. Block {@code j} of the
 * grown encoder copies block {@code j * from / to} of the source; a copy that repeats its
 * predecessor's source starts with its residual branches (attention output, MLP output) at zero,
 * so it passes its input through unchanged and the grown model reads exactly what the source
 * reads. Training then has the new depth to use (function-preserving growth, as in Net2Net's
 * deeper networks and progressive stacking), so a model that has levelled off at one size
 * continues from what it knows instead of starting again from random weights.
 */
public final class ModelGrowth {
  /** DJL names blocks with two-digit ordinals ({@code encoder.03block0_01attn_...}); they shift with depth. */
  private static final Pattern ORDINAL = Pattern.compile("(^|[._])\\d{2}(?=[A-Za-z])");
  private static final Pattern ENCODER_BLOCK = Pattern.compile("^encoder\\.block(\\d+)_(.+)$");
  /** Residual-branch outputs of an encoder block: zero makes the block the identity. */
  private static final Set<String> RESIDUAL_OUTPUTS =
      Set.of("attn_output_weight", "attn_output_bias", "mlp_fc2_weight", "mlp_fc2_bias");

  private ModelGrowth() {}

  /** The grown model and how it was grown. */
  public record Grown(MaskOcrModel model, int fromDepth, int toDepth, int identityBlocks) {}

  /**
   * The model of {@code checkpoint} with {@code depth} encoder blocks.
   *
   * @throws IllegalArgumentException when {@code depth} is not larger than the checkpoint's
   */
  public static Grown deepen(Path checkpoint, int depth) throws IOException {
    CheckpointInfo info = Checkpoints.readInfo(checkpoint);
    ModelConfig from = info.model();
    if (depth <= from.depth()) {
      throw new IllegalArgumentException("the checkpoint " + checkpoint + " has " + from.depth()
          + " encoder blocks; growing needs more than that, got --depth " + depth);
    }
    if (depth > 4 * from.depth()) {
      throw new IllegalArgumentException("--depth " + depth + " is more than four times the checkpoint's "
          + from.depth() + " blocks; grow in steps so each new block copies a trained one");
    }
    Map<String, Tensor> source = canonical(TensorFile.read(checkpoint.resolve("weights.bin")));
    ModelConfig to = withDepth(from, depth);
    MaskOcrModel model = MaskOcrModel.create(to, info.charset());
    try {
      Map<String, Tensor> grown = new HashMap<>();
      int identity = 0;
      for (NamedParameter p : model.parameters()) {
        String name = canonical(p.name());
        Matcher m = ENCODER_BLOCK.matcher(name);
        String sourceName = name;
        boolean zero = false;
        if (m.matches()) {
          int block = Integer.parseInt(m.group(1));
          int src = sourceBlock(block, from.depth(), depth);
          zero = repeatsItsPredecessor(block, from.depth(), depth) && RESIDUAL_OUTPUTS.contains(m.group(2));
          sourceName = "encoder.block" + src + "_" + m.group(2);
        }
        Tensor t = source.get(sourceName);
        if (t == null) {
          if (p.part() == ModelPart.CTC_HEAD) {
            continue; // as loadWeights: a checkpoint from before the CTC head keeps it fresh
          }
          throw new IllegalArgumentException("the checkpoint " + checkpoint + " has no weights " + sourceName);
        }
        grown.put(p.name(), zero ? new Tensor(t.shape(), new float[t.data().length]) : t);
      }
      for (int j = 0; j < depth; j++) {
        identity += repeatsItsPredecessor(j, from.depth(), depth) ? 1 : 0;
      }
      model.loadWeights(grown, EnumSet.allOf(ModelPart.class));
      return new Grown(model, from.depth(), depth, identity);
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** The source block that grown block {@code block} copies. */
  static int sourceBlock(int block, int fromDepth, int toDepth) {
    return block * fromDepth / toDepth;
  }

  /** Whether grown block {@code block} copies the same source block as the one before it (it starts as identity). */
  private static boolean repeatsItsPredecessor(int block, int fromDepth, int toDepth) {
    return block > 0 && sourceBlock(block, fromDepth, toDepth) == sourceBlock(block - 1, fromDepth, toDepth);
  }

  /** {@code config} with {@code depth} encoder blocks, named after the preset of that shape if there is one. */
  static ModelConfig withDepth(ModelConfig c, int depth) {
    String preset = "custom";
    for (String name : io.maskocr.engine.model.ModelPresets.names()) {
      ModelConfig p = io.maskocr.engine.model.ModelPresets.get(name,
          Map.of("charset", c.charset(), "device", c.device(), "stem", c.stem()));
      if (p.width() == c.width() && p.depth() == depth && p.heads() == c.heads() && p.mlpRatio() == c.mlpRatio()
          && p.decoderDepth() == c.decoderDepth() && p.decoderHeads() == c.decoderHeads()
          && p.mimWidth() == c.mimWidth() && p.mimDepth() == c.mimDepth() && p.mimHeads() == c.mimHeads()
          && p.patchWidth() == c.patchWidth() && p.patchHeight() == c.patchHeight()
          && p.imageWidth() == c.imageWidth() && p.imageHeight() == c.imageHeight()) {
        preset = name;
      }
    }
    return new ModelConfig(preset, c.imageHeight(), c.imageWidth(), c.channels(), c.patchHeight(), c.patchWidth(),
        c.width(), depth, c.heads(), c.mlpRatio(), c.decoderDepth(), c.decoderHeads(), c.mimWidth(), c.mimDepth(),
        c.mimHeads(), c.maxLength(), c.charset(), c.device(), c.stem());
  }

  private static Map<String, Tensor> canonical(Map<String, Tensor> weights) {
    Map<String, Tensor> out = new HashMap<>();
    weights.forEach((k, v) -> out.put(canonical(k), v));
    return out;
  }

  private static String canonical(String name) {
    return ORDINAL.matcher(name).replaceAll("$1");
  }
}
