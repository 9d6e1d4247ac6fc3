package io.maskocr.engine.infer.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.model.Tensor;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;

/**
 * A recognizer's forward pass on ONNX Runtime (CPU): the graph of {@link RecognizerGraph} built in
 * memory from the model's weights, run batch by batch. Calls are serialized.
 */
public final class OnnxForward implements AutoCloseable {
  private final ModelConfig config;
  private final RecognizerGraph.Precision precision;
  private final OrtEnvironment env;
  private final OrtSession session;

  /** Outputs of one batch copied to the host, row-major as named in {@link RecognizerGraph}. */
  public record Output(float[] probs, float[] attention, float[] ctcLogProbs) {}

  private OnnxForward(ModelConfig config, RecognizerGraph.Precision precision, OrtEnvironment env, OrtSession session) {
    this.config = config;
    this.precision = precision;
    this.env = env;
    this.session = session;
  }

  /** Builds the graph of a model's weights and opens it with {@code threads} intra-op threads. */
  public static OnnxForward open(ModelConfig config, Map<String, Tensor> weights, RecognizerGraph.Precision precision,
      int threads) {
    byte[] graph = RecognizerGraph.write(config, weights, precision);
    // DJL's OnnxRuntime engine (external models) creates the process's one environment with
    // its own options and refuses to start if one exists: let it create it first.
    ai.djl.engine.Engine.getEngine("OnnxRuntime");
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions o = new OrtSession.SessionOptions()) {
      o.setIntraOpNumThreads(Math.max(1, threads));
      o.setInterOpNumThreads(1);
      o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      // spinning threads would take the cores other lanes and the trainer need
      o.addConfigEntry("session.intra_op.allow_spinning", "0");
      o.setSessionLogLevel(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
      return new OnnxForward(config, precision, env, env.createSession(graph, o));
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime refused the recognizer's graph: " + e.getMessage(), e);
    }
  }

  public RecognizerGraph.Precision precision() {
    return precision;
  }

  /** Runs preprocessed images ({@code (C, H, W)} each). */
  public synchronized Output run(List<float[]> images) {
    int b = images.size();
    int pixels = config.pixelCount();
    FloatBuffer in = FloatBuffer.allocate(b * pixels);
    for (int i = 0; i < b; i++) {
      float[] image = images.get(i);
      if (image.length != pixels) {
        throw new IllegalArgumentException("image " + i + " has " + image.length + " values; the model expects " + pixels);
      }
      in.put(image);
    }
    in.flip();
    long[] shape = {b, config.channels(), config.imageHeight(), config.imageWidth()};
    try (OnnxTensor tensor = OnnxTensor.createTensor(env, in, shape);
        OrtSession.Result r = session.run(Map.of("image", tensor))) {
      return new Output(floats(r, "probs"), floats(r, "attention"), floats(r, "ctc"));
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed on a batch of " + b + ": " + e.getMessage(), e);
    }
  }

  private static float[] floats(OrtSession.Result r, String name) {
    OnnxTensor t = (OnnxTensor) r.get(name).orElseThrow();
    FloatBuffer f = t.getFloatBuffer();
    float[] out = new float[f.remaining()];
    f.get(out);
    return out;
  }

  @Override
  public void close() {
    try {
      session.close();
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }
}
