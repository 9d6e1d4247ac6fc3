package io.maskocr.engine.external;

import io.maskocr.engine.infer.Prediction;
import io.maskocr.engine.infer.TextReader;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads word images with an external ONNX model, following its {@link ModelSettings}. Crops
 * are batched only with crops of the same tensor width, so a batch reads exactly what each crop
 * would read alone (PaddleOCR pads a batch to its widest crop, which changes the readings of
 * the others). A failing batch throws {@link ExternalModelException} naming the model; the
 * caller's job fails, the application does not.
 */
public final class ExternalRecognizer implements TextReader {
  /**
   * Crops per forward pass. Small on purpose: PP-OCRv4 on 2 CPU threads read 33 crops/s in
   * passes of 4, 28 in passes of 8 and 15-17 in passes of 32 (the activations of a large pass
   * leave the cache); a pass of one is as fast as four.
   */
  public static final int BATCH = 4;

  private final ExternalModel model;
  private final OnnxSession session;
  private final ClassTable table;
  private final CropTensor tensor;

  private ExternalRecognizer(ExternalModel model, OnnxSession session, ClassTable table) {
    this.model = model;
    this.session = session;
    this.table = table;
    this.tensor = new CropTensor(model.settings().input());
  }

  /**
   * Loads a model folder ({@code models/<name>/}) checking the file against its recorded hash.
   *
   * @param threads intra-op threads of the engine
   */
  public static ExternalRecognizer open(Path dir, int threads) throws IOException {
    ExternalModel m = ExternalModels.readSettings(dir);
    Path onnx = dir.resolve(m.file());
    String sha = io.maskocr.engine.Sha256.ofFile(onnx);
    if (!sha.equals(m.sha256())) {
      throw new IllegalArgumentException(onnx + " changed since it was added (sha256 " + sha.substring(0, 12)
          + ", recorded " + m.sha256().substring(0, 12) + "): add it again under a new name");
    }
    List<String> dictionary = Dictionary.read(dir.resolve(m.keysFile()));
    return open(m, onnx, dictionary, threads);
  }

  /** Loads and checks {@code onnx} against {@code dictionary} under {@code m}'s settings. */
  static ExternalRecognizer open(ExternalModel m, Path onnx, List<String> dictionary, int threads)
      throws IOException {
    ModelSettings.Input in = m.settings().input();
    ClassTable table = ClassTable.of(m.settings().output().classes(), dictionary);
    OnnxSession s = OnnxSession.open(onnx, threads, in.height(), in.width());
    try {
      table.check(s.probeClasses(), m.settings().output().classes(), dictionary.size(), onnx.toString());
      return new ExternalRecognizer(m, s, table);
    } catch (RuntimeException e) {
      s.close();
      throw e;
    }
  }

  /** The model's record. */
  public ExternalModel model() {
    return model;
  }

  /** Classes of the output. */
  public int classes() {
    return table.size();
  }

  @Override
  public String checkpointId() {
    return model.key();
  }

  @Override
  public List<Prediction> predictImages(List<BufferedImage> images) {
    Prediction[] out = new Prediction[images.size()];
    Map<Integer, List<Integer>> byWidth = new LinkedHashMap<>();
    for (int i = 0; i < images.size(); i++) {
      BufferedImage img = images.get(i);
      byWidth.computeIfAbsent(tensor.width(img.getWidth(), img.getHeight()), w -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<Integer, List<Integer>> e : byWidth.entrySet()) {
      List<Integer> idx = e.getValue();
      for (int from = 0; from < idx.size(); from += BATCH) {
        List<Integer> batch = idx.subList(from, Math.min(idx.size(), from + BATCH));
        readBatch(images, batch, e.getKey(), out);
      }
    }
    return Arrays.asList(out);
  }

  private void readBatch(List<BufferedImage> images, List<Integer> batch, int width, Prediction[] out) {
    int h = model.settings().input().height();
    int size = 3 * h * width;
    try {
      float[] px = new float[batch.size() * size];
      for (int b = 0; b < batch.size(); b++) {
        tensor.fill(images.get(batch.get(b)), px, b * size, width);
      }
      OnnxSession.Output o = session.run(px, batch.size(), h, width);
      if (o.c() != table.size() || o.b() != batch.size()) {
        throw new IllegalStateException("output " + o.b() + "x" + o.t() + "x" + o.c() + " for " + batch.size()
            + " crops and " + table.size() + " classes");
      }
      ModelSettings.Output settings = model.settings().output();
      if (settings.softmax()) {
        GreedyReading.softmax(o.values(), o.b() * o.t(), o.c());
      }
      for (int b = 0; b < batch.size(); b++) {
        Decoded d = GreedyReading.decode(o.values(), b, o.t(), o.c(), table, "ctc".equals(settings.decoding()),
            "product".equals(settings.confidence()));
        out[batch.get(b)] = new Prediction(d.text(), d.charProbabilities(), d.confidence(), new float[0][0], model.key());
      }
    } catch (RuntimeException e) {
      throw new ExternalModelException("model " + model.name() + " failed on a batch of " + batch.size()
          + " crops " + width + " px wide: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    session.close();
  }
}
