package io.maskocr.engine.infer.onnx;

import static io.maskocr.engine.infer.onnx.OnnxGraphWriter.floatAttr;
import static io.maskocr.engine.infer.onnx.OnnxGraphWriter.intAttr;
import static io.maskocr.engine.infer.onnx.OnnxGraphWriter.ints;

import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.SinusoidalPositions;
import io.maskocr.engine.model.Tensor;
import java.util.List;
import java.util.Map;

/**
 * Writes a recognizer (conv stem, ViT encoder, parallel character decoder, CTC head) as an ONNX
 * graph from its weights, computing exactly what {@code MaskOcrModel.encode/decode/ctcLogits}
 * compute. Input {@code image [B, C, H, W]} (the preprocessed crop); outputs {@code probs [B, T,
 * V]} (decoder softmax), {@code attention [B, T, N]} (last cross-attention, mean over heads)
 * and {@code ctc [B, N, V]} (CTC log-softmax).
 *
 * <p>With {@link Precision#INT8} every linear layer becomes ONNX Runtime's {@code
 * DynamicQuantizeMatMul}: weights in int8 with one scale per output column, activations
 * quantized per batch at run time. CPUs with VNNI multiply those about three times faster than
 * floats; the convolutions, attention products, norms and softmaxes stay in float.
 */
public final class RecognizerGraph {
  /** Number format of the linear layers' weights. */
  public enum Precision { FP32, INT8 }

  private static final float LAYER_NORM_EPSILON = 1e-5f;
  /**
   * Largest int8 weight: 7 bits, not 8. CPUs without VNNI multiply uint8 by int8 with an
   * instruction whose 16-bit pair sums saturate (255 * 127 * 2 > 32767); with weights within
   * +-63 they cannot, so int8 reads alike on every x86 CPU (ONNX Runtime's "reduce range").
   */
  private static final float WEIGHT_LEVELS = 63f;

  private final ModelConfig config;
  private final Weights weights;
  private final Precision precision;
  private final OnnxGraphWriter g;
  private int names;

  private RecognizerGraph(ModelConfig config, Map<String, Tensor> weights, Precision precision) {
    this.config = config;
    this.weights = new Weights(weights);
    this.precision = precision;
    this.g = new OnnxGraphWriter("maskocr-recognizer", OnnxGraphWriter.OPSET);
  }

  /**
   * The model file of a recognizer.
   *
   * @throws IllegalArgumentException when the model has no convolutional stem (the linear stem
   *     is not exported) or its weights miss a part
   */
  public static byte[] write(ModelConfig config, Map<String, Tensor> weights, Precision precision) {
    if (!config.convStem()) {
      throw new IllegalArgumentException("only models with a conv stem are exported to ONNX, this one has stem "
          + config.stem());
    }
    return new RecognizerGraph(config, weights, precision).build();
  }

  private byte[] build() {
    int n = config.patchCount();
    int d = config.width();
    int t = config.queryCount();
    g.input("image", null, (long) config.channels(), (long) config.imageHeight(), (long) config.imageWidth());
    String tokens = stem("image");
    String x = add(linear(tokens, "encoder.stem_proj_"), constant("encoder.positions"));
    for (int i = 0; i < config.depth(); i++) {
      x = encoderBlock(x, "encoder.block" + i + "_");
    }
    String features = layerNorm(x, "encoder.norm_");

    String ctc = linear(features, "ctc.");
    g.node("LogSoftmax", List.of(ctc), List.of("ctc"), intAttr("axis", -1));

    String positions = fresh("positions");
    g.floats(positions, SinusoidalPositions.table(n, d), n, d);
    String q = constant("decoder.queries");
    String cross = null;
    for (int i = 0; i < config.decoderDepth(); i++) {
      String[] out = decoderLayer(q, features, positions, "decoder.layer" + i + "_");
      q = out[0];
      cross = out[1];
    }
    String logits = linear(layerNorm(q, "decoder.norm_"), "decoder.classifier_");
    g.node("Softmax", List.of(logits), List.of("probs"), intAttr("axis", -1));
    g.node("ReduceMean", List.of(cross, longs(1)), List.of("attention"), intAttr("keepdims", 0));

    int v = (int) weights.get("decoder.classifier_weight").shape()[0];
    g.output("probs", null, (long) t, (long) v);
    g.output("attention", null, (long) t, (long) n);
    g.output("ctc", null, (long) n, (long) v);
    return g.build();
  }

  /** The conv stem: three convolutions with ReLU and max-pools, cut into one token per patch. */
  private String stem(String image) {
    boolean strided = config.stridedStem();
    long[][] pools = strided
        ? new long[][] {null, {2, 2}, {2, 1}}
        : new long[][] {{2, 2}, {2, 2}, {2, 1}};
    String x = image;
    for (int i = 0; i < 3; i++) {
      Tensor w = weights.get("encoder.stem_conv" + i + "_weight");
      int k = (int) w.shape()[2];
      int stride = strided && i == 0 ? 2 : 1;
      String conv = fresh("conv");
      g.node("Conv", List.of(x, constant("encoder.stem_conv" + i + "_weight"), constant("encoder.stem_conv" + i + "_bias")),
          List.of(conv),
          ints("kernel_shape", k, k), ints("strides", stride, stride), ints("pads", 1, 1, 1, 1));
      x = unary("Relu", conv);
      if (pools[i] != null) {
        String pooled = fresh("pool");
        g.node("MaxPool", List.of(x), List.of(pooled), ints("kernel_shape", pools[i]), ints("strides", pools[i]));
        x = pooled;
      }
    }
    int f = (int) weights.get("encoder.stem_conv2_weight").shape()[0];
    int rows = config.patchHeight() / 8;
    String grid = reshape(x, 0, f, config.gridHeight(), rows, config.gridWidth());
    String moved = fresh("tokens");
    g.node("Transpose", List.of(grid), List.of(moved), ints("perm", 0, 2, 4, 1, 3));
    return reshape(moved, 0, config.patchCount(), (long) f * rows);
  }

  private String encoderBlock(String x, String block) {
    String a = attention(layerNorm(x, block + "norm1_"), null, block + "attn_", config.heads())[0];
    x = add(x, a);
    return add(x, mlp(layerNorm(x, block + "norm2_"), block + "mlp_"));
  }

  /** One decoder layer; returns the new queries and the cross-attention weights. */
  private String[] decoderLayer(String q, String memory, String positions, String layer) {
    String s = attention(layerNorm(q, layer + "normSelf_"), null, layer + "selfAttn_", config.decoderHeads())[0];
    q = add(q, s);
    String qn = layerNorm(q, layer + "normQuery_");
    String mn = add(layerNorm(memory, layer + "normMemory_"), positions);
    String[] cross = attention(qn, mn, layer + "crossAttn_", config.decoderHeads());
    q = add(q, cross[0]);
    q = add(q, mlp(layerNorm(q, layer + "normMlp_"), layer + "mlp_"));
    return new String[] {q, cross[1]};
  }

  /**
   * Multi-head attention as {@code MultiHeadAttention} computes it (the 1/sqrt(d) scale folded
   * into the query weights); {@code keyValue} null is self-attention. Returns the output and
   * the weights {@code [B, H, Nq, Nk]}.
   */
  private String[] attention(String query, String keyValue, String block, int heads) {
    String kvIn = keyValue == null ? query : keyValue;
    int d = config.width();
    int dh = d / heads;
    float scale = (float) (1.0 / Math.sqrt(dh));
    Tensor qw = weights.get(block + "query_weight");
    Tensor qb = weights.get(block + "query_bias");
    Tensor kvw = weights.get(block + "keyValue_weight");
    Tensor kvb = weights.get(block + "keyValue_bias");
    String q = heads(linear(query, scaled(qw, scale), scaled(qb, scale)), heads, dh, 0, 2, 1, 3);
    String kT = heads(linear(kvIn, rows(kvw, 0, d), rows(kvb, 0, d)), heads, dh, 0, 2, 3, 1);
    String v = heads(linear(kvIn, rows(kvw, d, d), rows(kvb, d, d)), heads, dh, 0, 2, 1, 3);
    String scores = binary("MatMul", q, kT);
    String w = fresh("weights");
    g.node("Softmax", List.of(scores), List.of(w), intAttr("axis", -1));
    String mixed = binary("MatMul", w, v);
    String back = fresh("mixed");
    g.node("Transpose", List.of(mixed), List.of(back), ints("perm", 0, 2, 1, 3));
    String out = linear(reshape(back, 0, 0, d), weights.get(block + "output_weight"),
        weights.get(block + "output_bias"));
    return new String[] {out, w};
  }

  /** {@code [B, N, H*dh]} to heads, transposed by {@code perm}. */
  private String heads(String x, int heads, int dh, long... perm) {
    String split = reshape(x, 0, 0, heads, dh);
    String out = fresh("heads");
    g.node("Transpose", List.of(split), List.of(out), ints("perm", perm));
    return out;
  }

  private String mlp(String x, String block) {
    String h = linear(x, block + "fc1_");
    String gelu = fresh("gelu");
    g.node("Gelu", List.of(h), List.of(gelu));
    return linear(gelu, block + "fc2_");
  }

  /** Layer norm with the weights {@code prefix + gamma / beta}. */
  private String layerNorm(String x, String prefix) {
    String out = fresh("norm");
    g.node("LayerNormalization", List.of(x, constant(prefix + "gamma"), constant(prefix + "beta")),
        List.of(out), intAttr("axis", -1), floatAttr("epsilon", LAYER_NORM_EPSILON));
    return out;
  }

  /** The linear layer with the weights {@code prefix + weight / bias}. */
  private String linear(String x, String prefix) {
    return linear(x, weights.get(prefix + "weight"), weights.get(prefix + "bias"));
  }

  /** {@code x W^T + b} for a DJL weight {@code W [out, in]}. */
  private String linear(String x, Tensor w, Tensor b) {
    int out = (int) w.shape()[0];
    int in = (int) w.shape()[1];
    float[] data = w.data();
    String bias = fresh("bias");
    g.floats(bias, b.data(), out);
    String y = fresh("linear");
    if (precision == Precision.INT8) {
      float[] scales = new float[out];
      byte[] q = new byte[in * out];
      for (int o = 0; o < out; o++) {
        float max = 0;
        for (int i = 0; i < in; i++) {
          max = Math.max(max, Math.abs(data[o * in + i]));
        }
        scales[o] = max > 0 ? max / WEIGHT_LEVELS : 1f;
        for (int i = 0; i < in; i++) {
          q[i * out + o] = (byte) Math.round(data[o * in + i] / scales[o]);
        }
      }
      String qw = fresh("qweight");
      String sc = fresh("scale");
      g.bytes(qw, q, in, out).floats(sc, scales, out);
      g.node(OnnxGraphWriter.MICROSOFT, "DynamicQuantizeMatMul", List.of(x, qw, sc, "", bias), List.of(y));
      return y;
    }
    float[] t = new float[in * out];
    for (int o = 0; o < out; o++) {
      for (int i = 0; i < in; i++) {
        t[i * out + o] = data[o * in + i];
      }
    }
    String wt = fresh("weight");
    g.floats(wt, t, in, out);
    return add(binary("MatMul", x, wt), bias);
  }

  private static Tensor scaled(Tensor t, float s) {
    float[] v = t.data().clone();
    for (int i = 0; i < v.length; i++) {
      v[i] *= s;
    }
    return new Tensor(t.shape(), v);
  }

  /** Rows {@code from .. from + count} of a weight (or entries of a bias). */
  private static Tensor rows(Tensor t, int from, int count) {
    int width = t.shape().length > 1 ? (int) t.shape()[1] : 1;
    float[] v = java.util.Arrays.copyOfRange(t.data(), from * width, (from + count) * width);
    return new Tensor(t.shape().length > 1 ? new long[] {count, width} : new long[] {count}, v);
  }

  /** A weight of the model as an initializer named after it. */
  private String constant(String key) {
    Tensor t = weights.get(key);
    String name = fresh("w");
    g.floats(name, t.data(), t.shape());
    return name;
  }

  private String reshape(String x, long... shape) {
    String out = fresh("reshape");
    g.node("Reshape", List.of(x, longs(shape)), List.of(out));
    return out;
  }

  private String longs(long... values) {
    String name = fresh("shape");
    g.longs(name, values, values.length);
    return name;
  }

  private String add(String a, String b) {
    return binary("Add", a, b);
  }

  private String binary(String op, String a, String b) {
    String out = fresh(op.toLowerCase(java.util.Locale.ROOT));
    g.node(op, List.of(a, b), List.of(out));
    return out;
  }

  private String unary(String op, String a) {
    String out = fresh(op.toLowerCase(java.util.Locale.ROOT));
    g.node(op, List.of(a), List.of(out));
    return out;
  }

  private String fresh(String stem) {
    return stem + "_" + names++;
  }

  /** The model's weights by name without DJL's ordinal prefixes ({@code encoder.block0_norm1_gamma}). */
  private static final class Weights {
    private static final java.util.regex.Pattern ORDINAL = java.util.regex.Pattern.compile("(^|[._])\\d{2}(?=[A-Za-z])");
    private final Map<String, Tensor> byName = new java.util.HashMap<>();

    Weights(Map<String, Tensor> all) {
      all.forEach((k, v) -> byName.put(ORDINAL.matcher(k).replaceAll("$1"), v));
    }

    Tensor get(String name) {
      Tensor t = byName.get(name);
      if (t == null) {
        throw new IllegalArgumentException("the model has no weights " + name);
      }
      return t;
    }
  }
}
