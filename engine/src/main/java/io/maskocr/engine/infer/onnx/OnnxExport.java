package io.maskocr.engine.infer.onnx;

import io.maskocr.engine.AtomicFiles;
import io.maskocr.engine.Sha256;
import io.maskocr.engine.io.Json;
import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.train.CheckpointInfo;
import io.maskocr.engine.train.Checkpoints;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a checkpoint's recognizer as a standalone ONNX file plus a JSON file beside it saying how
 * to feed it and read its outputs, so a model trained here runs in any ONNX runtime (a phone, a
 * server, another OCR pipeline). Both files are written whole or not at all.
 */
public final class OnnxExport {
  private OnnxExport() {}

  /** What was written. */
  public record Written(Path onnx, Path description, String checkpointId, long bytes, String sha256) {}

  /**
   * Exports the newest checkpoint of a run folder, or a checkpoint folder, to {@code onnx} (its
   * description goes to the same name with {@code .json}).
   */
  public static Written write(Path runOrCheckpoint, Path onnx, RecognizerGraph.Precision precision) throws IOException {
    if (!onnx.getFileName().toString().endsWith(".onnx")) {
      throw new IllegalArgumentException("the export file must end in .onnx, got " + onnx);
    }
    Path dir = Checkpoints.resolve(runOrCheckpoint);
    CheckpointInfo info = Checkpoints.readInfo(dir);
    byte[] graph;
    Map<String, Object> description;
    try (MaskOcrModel model = Checkpoints.loadModel(dir, null)) {
      graph = RecognizerGraph.write(model.config(), model.weights(), precision);
      description = describe(model.config(), model.charset(), info.runId() + "@" + info.step(), precision);
    }
    String sha = Sha256.hex(Sha256.digest().digest(graph));
    description.put("sha256", sha);
    String stem = onnx.getFileName().toString().replaceFirst("\\.onnx$", "");
    Path json = onnx.resolveSibling(stem + ".json");
    AtomicFiles.write(onnx, graph);
    AtomicFiles.write(json, Json.pretty().writeValueAsBytes(description));
    return new Written(onnx, json, (String) description.get("checkpoint"), graph.length, sha);
  }

  private static Map<String, Object> describe(ModelConfig c, CharacterSet charset, String checkpoint,
      RecognizerGraph.Precision precision) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("format", "maskocr-recognizer-onnx/1");
    d.put("checkpoint", checkpoint);
    d.put("precision", precision.name().toLowerCase(java.util.Locale.ROOT));
    d.put("opset", OnnxGraphWriter.OPSET);
    Map<String, Object> input = new LinkedHashMap<>();
    input.put("name", "image");
    input.put("shape", List.of("batch", c.channels(), c.imageHeight(), c.imageWidth()));
    input.put("preprocessing", "stretch the crop to " + c.imageWidth() + "x" + c.imageHeight() + " (bilinear), "
        + (c.channels() == 1 ? "take luminance 0.299 R + 0.587 G + 0.114 B, " : "keep R, G, B, ")
        + "map [0, 255] to [-1, 1]");
    d.put("input", input);
    Map<String, Object> outputs = new LinkedHashMap<>();
    outputs.put("probs", "[batch, " + c.queryCount() + ", classes]: the parallel decoder's softmax per position; "
        + "class 0 ends the word");
    outputs.put("attention", "[batch, " + c.queryCount() + ", " + c.patchCount() + "]: each position's cross-attention "
        + "over the " + c.patchCount() + " image columns");
    outputs.put("ctc", "[batch, " + c.patchCount() + ", classes]: the CTC head's log-softmax per column; class 0 is the blank");
    d.put("outputs", outputs);
    List<String> classes = new ArrayList<>();
    for (int i = 0; i < charset.vocabularySize(); i++) {
      classes.add(i == 0 ? "<end/blank>" : charset.symbol(i));
    }
    d.put("charset", charset.name());
    d.put("classes", classes);
    d.put("reading", "greedy: per position the most probable class until class 0; MaskOCR Studio rescores the decoder's "
        + "candidates with the CTC head and a spelling prior, which this file does not include");
    return d;
  }
}
