package io.maskocr.engine.infer;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Anything that reads word images: a checkpoint of our own ({@link Recognizer}) or an external
 * ONNX model ({@code io.maskocr.engine.external.ExternalRecognizer}). Predict, eval and the
 * annotation queue take either, so a baseline is measured exactly as a run is.
 */
public interface TextReader extends AutoCloseable {
  /** The key predictions are stored under ({@code runId@step}, or {@code model:NAME@sha}). */
  String checkpointId();

  /** Reads pictures of any size, one prediction per picture, in order. */
  List<Prediction> predictImages(List<BufferedImage> images);

  /** Pictures per {@link #predictImages} call that keep every part of the reader busy. */
  default int batchSize() {
    return Recognizer.BATCH;
  }

  @Override
  void close();
}
