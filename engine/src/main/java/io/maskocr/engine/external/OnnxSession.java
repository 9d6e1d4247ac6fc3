package io.maskocr.engine.external;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One ONNX recognizer loaded on DJL's OnnxRuntime engine on the CPU: checks at load that it
 * looks like a recognizer (one image input {@code [B, 3, H, W]}, an output {@code [B, T, C]}),
 * then runs batches. Calls are serialized.
 */
final class OnnxSession implements AutoCloseable {
  /** DJL's name of the engine. */
  static final String ENGINE = "OnnxRuntime";

  private final Model model;
  private final ParameterStore ps;
  private final String file;
  private int probeClasses;

  /** Output of one batch copied to the host: {@code values} is {@code [b, t, c]}. */
  record Output(float[] values, int b, int t, int c) {}

  private OnnxSession(Model model, String file) {
    this.model = model;
    this.file = file;
    this.ps = new ParameterStore(model.getNDManager(), false);
  }

  /**
   * Loads {@code onnx} with {@code threads} intra-op threads and probes it with one blank crop
   * of {@code height x width}.
   *
   * @throws IllegalArgumentException naming the file when it is missing, truncated or not an
   *     ONNX model, or not shaped like a recognizer
   */
  static OnnxSession open(Path onnx, int threads, int height, int width) throws IOException {
    if (!Files.isRegularFile(onnx)) {
      throw new IllegalArgumentException("no such model file: " + onnx);
    }
    String name = onnx.getFileName().toString();
    Model m = Model.newInstance(name, Device.cpu(), ENGINE);
    OnnxSession s = new OnnxSession(m, onnx.toString());
    try {
      String prefix = name.endsWith(".onnx") ? name.substring(0, name.length() - 5) : name;
      m.load(onnx.getParent(), prefix, Map.of("sessionOptions", sessionOptions(threads)));
    } catch (MalformedModelException | OrtException | RuntimeException e) {
      m.close();
      throw new IllegalArgumentException(onnx + ": not a readable ONNX model (" + firstLine(e)
          + "); the file may be truncated or of another format: download it again", e);
    }
    try {
      s.checkInput();
      Output probe;
      try {
        probe = s.run(new float[3 * height * width], 1, height, width);
      } catch (IllegalArgumentException e) {
        throw e;
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(onnx + ": not a recognizer of this kind: it refused an image batch [1, 3, "
            + height + ", " + width + "] (" + firstLine(e) + ")", e);
      }
      if (probe.b() != 1) {
        throw new IllegalArgumentException(onnx + ": not a recognizer: one crop gave an output batch of " + probe.b());
      }
      s.probeClasses = probe.c();
      return s;
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
  }

  /** Output classes of the probe run at load. */
  int probeClasses() {
    return probeClasses;
  }

  /** DJL lists the input names only (no shapes): the rank is checked by the probe. */
  /**
   * Session settings as the reference (ppocr_eval: intra-op threads as asked, one inter-op
   * thread, every graph optimisation), and without spin-waiting: on a machine whose cores other
   * work shares, spinning intra-op threads cost more than half the throughput (measured: 12
   * crops/s on 2 spinning threads against 30 on one, load 6 on 2 cores).
   */
  private static OrtSession.SessionOptions sessionOptions(int threads) throws OrtException {
    OrtSession.SessionOptions o = new OrtSession.SessionOptions();
    o.setIntraOpNumThreads(Math.max(1, threads));
    o.setInterOpNumThreads(1);
    o.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
    o.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
    o.addConfigEntry("session.intra_op.allow_spinning", "0");
    // a failing node is reported once, by our exception naming the file, not also on stderr
    o.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL);
    return o;
  }

  private void checkInput() {
    PairList<String, Shape> in = model.getBlock().describeInput();
    if (in == null || in.size() != 1) {
      throw new IllegalArgumentException(file + ": not a recognizer: it takes "
          + (in == null || in.isEmpty() ? "no input" : in.size() + " inputs " + in.keys())
          + ", a text recognizer takes one image batch [B, 3, H, W]");
    }
  }

  /**
   * Runs {@code b} crops of {@code (3, h, w)}.
   *
   * @throws IllegalArgumentException naming the file when the output is not {@code [B, T, C]}
   */
  synchronized Output run(float[] pixels, int b, int h, int w) {
    try (NDManager mgr = model.getNDManager().newSubManager()) {
      NDArray x = mgr.create(pixels, new Shape(b, 3, h, w));
      NDList out = model.getBlock().forward(ps, new NDList(x), false);
      NDArray y = out.get(0);
      Shape s = y.getShape();
      if (s.dimension() != 3) {
        throw new IllegalArgumentException(file + ": not a recognizer: its output is " + s
            + ", a text recognizer gives [B, T, C] (per crop, per position, a score per class)");
      }
      float[] v = y.toType(ai.djl.ndarray.types.DataType.FLOAT32, false).toFloatArray();
      out.close();
      return new Output(v, (int) s.get(0), (int) s.get(1), (int) s.get(2));
    }
  }

  private static String firstLine(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && (t.getMessage() == null || t.getMessage().isBlank())) {
      t = t.getCause();
    }
    String m = String.valueOf(t.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  @Override
  public void close() {
    model.close();
  }
}
