package io.maskocr.engine.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recognizer's architecture: a ViT encoder, a light MIM decoder and a parallel character
 * decoder. It knows no optimizer, stage or database (those live in {@code train}); it owns the
 * native memory of its parameters (close it when done).
 */
public final class MaskOcrModel implements AutoCloseable {
  private final ModelConfig config;
  private final CharacterSet charset;
  private final Device device;
  private final NDManager manager;
  private final VitEncoder encoder;
  private final MimDecoder mimDecoder;
  private final CharDecoder charDecoder;
  private final Linear ctcHead;
  private final List<NamedParameter> parameters = new ArrayList<>();

  private MaskOcrModel(ModelConfig config, CharacterSet charset) {
    this.config = config;
    this.charset = charset;
    this.device = resolveDevice(config.device());
    this.manager = NDManager.newBaseManager(device);
    encoder = new VitEncoder(config);
    mimDecoder = new MimDecoder(config);
    charDecoder = new CharDecoder(config, charset.vocabularySize());
    ctcHead = Layers.linear(charset.vocabularySize());
    int n = config.patchCount();
    encoder.initialize(manager, DataType.FLOAT32, new Shape(1, n, config.patchSize()));
    mimDecoder.initialize(
        manager, DataType.FLOAT32, new Shape(1, n, config.width()), new Shape(1, n, n), new Shape(1, n, 1));
    charDecoder.initialize(manager, DataType.FLOAT32, new Shape(1, n, config.width()));
    collect(ModelPart.ENCODER, encoder);
    collect(ModelPart.MIM_DECODER, mimDecoder);
    ctcHead.initialize(manager, DataType.FLOAT32, new Shape(1, n, config.width()));
    collect(ModelPart.CHAR_DECODER, charDecoder);
    collect(ModelPart.CTC_HEAD, ctcHead);
  }

  /** A freshly initialized model (random weights drawn from the engine's seeded generator). */
  public static MaskOcrModel create(ModelConfig config, CharacterSet charset) {
    EngineThreads.configure();
    return new MaskOcrModel(config, charset);
  }

  /** Maps {@code cpu}, {@code gpu}, {@code gpu1}... to a DJL device, refusing a missing GPU. */
  public static Device resolveDevice(String name) {
    Device d = Device.fromName(name);
    if (d.isGpu() && Engine.getInstance().getGpuCount() <= d.getDeviceId()) {
      throw new IllegalArgumentException(
          "device '" + name + "' requested but this engine sees "
              + Engine.getInstance().getGpuCount() + " GPU(s); use device cpu or build with -Pcuda");
    }
    return d;
  }

  private void collect(ModelPart part, AbstractBlock block) {
    for (Pair<String, Parameter> p : block.getParameters()) {
      parameters.add(new NamedParameter(part.prefix() + "." + p.getKey(), part, p.getValue()));
    }
  }

  public ModelConfig config() {
    return config;
  }

  public CharacterSet charset() {
    return charset;
  }

  public Device device() {
    return device;
  }

  /** The manager that owns the parameters; open per-step sub-managers from it. */
  public NDManager manager() {
    return manager;
  }

  /** A parameter store reading this model's parameters in place. */
  public ParameterStore newParameterStore() {
    return new ParameterStore(manager, false);
  }

  /** All parameters in a stable order. */
  public List<NamedParameter> parameters() {
    return List.copyOf(parameters);
  }

  /** The parameters of the given parts, in stable order. */
  public List<NamedParameter> parameters(Set<ModelPart> parts) {
    return parameters.stream().filter(p -> parts.contains(p.part())).toList();
  }

  /** Number of scalar weights in the given parts. */
  public long parameterCount(Set<ModelPart> parts) {
    return parameters(parts).stream().mapToLong(p -> p.parameter().getArray().size()).sum();
  }

  /** Number of scalar weights used for recognition (encoder + character decoder). */
  public long recognitionParameterCount() {
    return parameterCount(EnumSet.of(ModelPart.ENCODER, ModelPart.CHAR_DECODER));
  }

  /**
   * Recognition forward pass.
   *
   * @param patches {@code (B, N, P)} all patches of each image
   * @return {@code logits (B, T, V)}, {@code attention (B, T, N)}
   */
  public NDList recognize(ParameterStore ps, NDArray patches, boolean training) {
    NDArray features = encoder.forward(ps, new NDList(patches), training).get(0);
    return charDecoder.forward(ps, new NDList(features), training);
  }

  /**
   * Encoder features of complete images (for pre-training heads that read them).
   *
   * @param patches {@code (B, N, P)} all patches of each image
   * @return {@code features (B, N, D)}
   */
  public NDArray encode(ParameterStore ps, NDArray patches, boolean training) {
    return encoder.forward(ps, new NDList(patches), training).get(0);
  }

  /**
   * The character decoder on given memory (encoder features, or pseudo-visual tokens when the
   * decoder is pre-trained from text).
   *
   * @param memory {@code (B, N, D)}
   * @return {@code logits (B, T, V)}, {@code attention (B, T, N)}
   */
  public NDList decode(ParameterStore ps, NDArray memory, boolean training) {
    return charDecoder.forward(ps, new NDList(memory), training);
  }

  /**
   * CTC logits of encoder features (token 0, the end token, doubles as the CTC blank).
   *
   * @param features {@code (B, N, D)} from {@link #encode}
   * @return {@code (B, N, V)}
   */
  public NDArray ctcLogits(ParameterStore ps, NDArray features, boolean training) {
    return ctcHead.forward(ps, new NDList(features), training).head();
  }

  /**
   * Encoder features of the visible patches only (the MIM path).
   *
   * @param visible {@code (B, Nv, P)} visible patches
   * @param select {@code (B, Nv, N)} one-hot grid position of each visible patch
   * @return {@code (B, Nv, D)}
   */
  public NDArray encodeVisible(ParameterStore ps, NDArray visible, NDArray select, boolean training) {
    return encoder.forward(ps, new NDList(visible, select), training).get(0);
  }

  /**
   * Masked image modeling forward pass: the encoder sees only the visible patches.
   *
   * @param visible {@code (B, Nv, P)} visible patches
   * @param select {@code (B, Nv, N)} one-hot grid position of each visible patch
   * @param masked {@code (B, N, 1)} 1 where a patch is hidden
   * @return predicted normalized pixels of every patch {@code (B, N, P)}
   */
  public NDArray reconstruct(
      ParameterStore ps, NDArray visible, NDArray select, NDArray masked, boolean training) {
    NDArray features = encodeVisible(ps, visible, select, training);
    return mimDecoder.forward(ps, new NDList(features, select, masked), training).head();
  }

  /** Copies every parameter out of native memory, by name. */
  public Map<String, Tensor> weights() {
    Map<String, Tensor> out = new LinkedHashMap<>();
    for (NamedParameter p : parameters) {
      NDArray a = p.parameter().getArray();
      out.put(p.name(), new Tensor(a.getShape().getShape(), a.toFloatArray()));
    }
    return out;
  }

  /**
   * Overwrites parameters from {@code weights}; names and shapes must match exactly.
   *
   * @param parts only these parts are loaded (e.g. the encoder of a pre-trained run)
   */
  public void loadWeights(Map<String, Tensor> weights, Set<ModelPart> parts) {
    for (NamedParameter p : parameters(parts)) {
      Tensor t = weights.get(p.name());
      if (t == null && p.part() == ModelPart.CTC_HEAD) {
        continue; // checkpoints from before the CTC head keep its fresh initialization
      }
      if (t == null) {
        throw new IllegalArgumentException(
            "checkpoint has no weights for " + p.name() + " (was it saved by a different model config?)");
      }
      NDArray a = p.parameter().getArray();
      if (!a.getShape().equals(new Shape(t.shape()))) {
        throw new IllegalArgumentException(
            "checkpoint weights " + p.name() + " have shape " + new Shape(t.shape())
                + " but the model expects " + a.getShape());
      }
      a.set(t.data());
    }
  }

  /** Writes all weights to {@code file}. */
  public void saveWeights(Path file) throws IOException {
    TensorFile.write(file, weights());
  }

  @Override
  public void close() {
    manager.close();
  }
}
