package io.maskocr.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import io.maskocr.engine.MaskocrHome;
import io.maskocr.engine.Sha256;
import io.maskocr.engine.infer.Recognizer;
import io.maskocr.engine.io.Json;
import io.maskocr.engine.train.StarterModel;
import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An exported recognizer runs in a plain ONNX Runtime session and reads as the decoder reads in the app. */
class RunsExportCommandTest {
  @TempDir Path tmp;

  @Test
  void theExportedStarterReadsTheBundledWordsAsTheDecoderDoes() throws Exception {
    Path onnx = tmp.resolve("out").resolve("starter.onnx");
    CliRun run = CliRun.of("runs", "export", "starter", "--onnx", onnx.toString(), "-w", tmp.resolve("ws").toString());
    assertEquals(0, run.exit(), run.err());
    JsonNode d = Json.mapper().readTree(tmp.resolve("out").resolve("starter.json").toFile());
    assertEquals(Sha256.hex(Sha256.digest().digest(Files.readAllBytes(onnx))), d.path("sha256").asText());
    assertEquals(37, d.path("classes").size());
    assertTrue(d.path("input").path("preprocessing").asText().contains("[-1, 1]"));
    assertTrue(run.out().contains(onnx.toString()), run.out());

    Path words = MaskocrHome.samples().resolve("datasets").resolve("synth-words");
    List<String> lines = Files.readAllLines(words.resolve("labels.tsv")).subList(0, 8);
    // the recognizer first: it lets DJL create the process's ONNX Runtime environment, as the app does
    try (Recognizer r = Recognizer.load(StarterModel.require());
        OrtSession s = OrtEnvironment.getEnvironment().createSession(onnx.toString(), new OrtSession.SessionOptions())) {
      for (String line : lines) {
        BufferedImage image = ImageIO.read(words.resolve(line.split("\t")[0]).toFile());
        float[] px = r.preprocessor().toPixels(image);
        String expected = r.readAllWays(List.of(px)).decoderAlone().get(0);
        try (OnnxTensor in = OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), FloatBuffer.wrap(px),
                new long[] {1, 1, 32, 128});
            OrtSession.Result out = s.run(Map.of("image", in))) {
          assertEquals(expected, greedy(((OnnxTensor) out.get("probs").orElseThrow()).getFloatBuffer(), d.path("classes")),
              line);
        }
      }
    }
  }

  @Test
  void aFileNotEndingInOnnxIsRefused() {
    CliRun run = CliRun.of("runs", "export", "starter", "--onnx", tmp.resolve("model.bin").toString(),
        "-w", tmp.resolve("ws").toString());
    assertTrue(run.exit() != 0);
    assertTrue(run.err().contains("must end in .onnx"), run.err());
  }

  /** The most probable class per position until class 0, as the JSON file tells a user to read it. */
  private static String greedy(FloatBuffer probs, JsonNode classes) {
    int v = classes.size();
    StringBuilder text = new StringBuilder();
    for (int t = 0; t < probs.limit() / v; t++) {
      int best = 0;
      for (int k = 1; k < v; k++) {
        best = probs.get(t * v + k) > probs.get(t * v + best) ? k : best;
      }
      if (best == 0) {
        break;
      }
      text.append(classes.get(best).asText());
    }
    return text.toString();
  }
}
