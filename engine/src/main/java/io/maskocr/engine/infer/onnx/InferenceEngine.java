package io.maskocr.engine.infer.onnx;

import io.maskocr.engine.model.EngineThreads;
import io.maskocr.engine.model.MaskOcrModel;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which engine runs a loaded checkpoint's forward pass when it reads crops: {@code onnx} (the
 * default: the same arithmetic as PyTorch, measured identical to 4 decimals on the dev crops,
 * about twice as fast on a CPU because ONNX Runtime fuses the small ops PyTorch runs one by one),
 * {@code onnx-int8} (linear layers in int8: faster again, slightly less accurate) or {@code djl}
 * (PyTorch, as training runs it). Set with {@code -Dmaskocr.inference} or env {@code
 * MASKOCR_INFERENCE}. A model on a GPU, or with the linear stem, always reads on PyTorch.
 */
public enum InferenceEngine {
  DJL("djl"),
  ONNX("onnx"),
  ONNX_INT8("onnx-int8");

  private static final Logger LOG = LoggerFactory.getLogger(InferenceEngine.class);

  private final String key;

  InferenceEngine(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** The engine the user chose, else {@link #ONNX}. */
  public static InferenceEngine configured() {
    String v = System.getProperty("maskocr.inference");
    if (v == null || v.isBlank()) {
      v = System.getenv("MASKOCR_INFERENCE");
    }
    if (v == null || v.isBlank()) {
      return ONNX;
    }
    return parse(v, "maskocr.inference / MASKOCR_INFERENCE");
  }

  /** The engine named {@code value} ({@code djl}, {@code onnx}, {@code onnx-int8}); {@code setting} names it in the error. */
  public static InferenceEngine parse(String value, String setting) {
    for (InferenceEngine e : values()) {
      if (e.key.equals(value.trim().toLowerCase(Locale.ROOT))) {
        return e;
      }
    }
    throw new IllegalArgumentException(setting + " must be djl, onnx or onnx-int8, got '" + value + "'");
  }

  /**
   * The ONNX forward pass of {@code model} on the configured engine's threads, or null when the
   * model reads on PyTorch (chosen so, on a GPU, a linear stem, or ONNX Runtime failing to
   * start, which is logged).
   */
  public OnnxForward open(MaskOcrModel model) {
    if (this == DJL || model.device().isGpu() || !model.config().convStem()) {
      return null;
    }
    try {
      return OnnxForward.open(model.config(), model.weights(),
          this == ONNX_INT8 ? RecognizerGraph.Precision.INT8 : RecognizerGraph.Precision.FP32, EngineThreads.count());
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("ONNX Runtime could not run the recognizer ({}); reading on PyTorch instead", e.toString());
      return null;
    }
  }
}
