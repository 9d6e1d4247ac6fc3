package io.maskocr.engine.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.infer.Prediction;
import io.maskocr.engine.store.MetricPoint;
import io.maskocr.engine.store.RunRecord;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.SampleQuery;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An external model's eval is stored as a run's is, with a baseline run, and agrees with predict. */
class ExternalEvaluationTest {
  @TempDir Path tmp;

  @Test
  void evalRowMatchesPredictAndIsStoredWithTheBaselineRun() throws Exception {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      Path src = tmp.resolve("src");
      ExternalModels.add(ws, TinyModels.write(src, "ctc.onnx", TinyModels.ctc(false)), ExternalKind.PPOCR_REC,
          TinyModels.keys(src, TinyModels.KEYS), "tiny", null);
      // crops read "ab", "ca", "a c", "bb"; labels make two right (one only case-folded) and two wrong
      List<BufferedImage> crops = List.of(
          TinyModels.blocks(8, 48, Color.RED, Color.GREEN),
          TinyModels.blocks(8, 48, Color.BLUE, Color.RED),
          TinyModels.blocks(8, 48, Color.RED, Color.BLACK, Color.BLUE),
          TinyModels.blocks(8, 48, Color.GREEN, Color.WHITE, Color.GREEN));
      List<String> labels = List.of("ab", "CA", "ax", "b");
      long dataset = ws.datasets().create("colours").id();
      TinyModels.addSamples(ws, dataset, crops, labels, Split.TEST);

      ExternalEvaluation.Result r = ExternalEvaluation.run(ws, "tiny", "colours", Split.TEST, 1, null);

      assertEquals(4, r.report().count());
      assertEquals(0.5, r.report().accuracy36(), 1e-9);
      assertEquals(0.25, r.report().accuracyFull(), 1e-9);
      assertTrue(r.coverage().summary(5).contains("1 of 4 readings") && r.coverage().summary(5).contains("' ' x1"),
          r.coverage().summary(5));
      RunRecord run = ws.runs().get(r.runId()).orElseThrow();
      assertTrue(run.tags().contains(BaselineRun.TAG));
      String key = BaselineRun.keyOf(run);
      List<MetricPoint> acc = ws.runs().metrics(r.runId(), "accuracy36");
      assertEquals(1, acc.size());
      assertEquals(0.5, acc.get(0).value(), 1e-9);
      assertEquals(r.runId(), ExternalEvaluation.run(ws, "tiny", "colours", Split.TEST, 1, null).runId(),
          "a second eval stores with the same baseline run");

      List<Sample> samples = ws.samples().page(SampleQuery.of(dataset, 10));
      try (ExternalRecognizer reader = ExternalModels.open(ws, "tiny", 1)) {
        List<Prediction> direct = reader.predictImages(crops);
        for (int i = 0; i < samples.size(); i++) {
          io.maskocr.engine.store.Prediction stored = ws.predictions().get(samples.get(i).id(), key).orElseThrow();
          assertEquals(direct.get(i).text(), stored.text());
          assertEquals(direct.get(i).confidence(), stored.confidence(), 1e-6);
        }
      }
    }
  }
}
