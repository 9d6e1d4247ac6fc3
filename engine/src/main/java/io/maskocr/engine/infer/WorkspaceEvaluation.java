package io.maskocr.engine.infer;

import io.maskocr.engine.data.LabeledImage;
import io.maskocr.engine.data.WorkspaceImages;
import io.maskocr.engine.metrics.EvaluationReport;
import io.maskocr.engine.metrics.Evaluator;
import io.maskocr.engine.store.MetricPoint;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.CheckpointInfo;
import io.maskocr.engine.train.Checkpoints;
import io.maskocr.engine.train.Recipes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a run's newest checkpoint on a labeled workspace split and stores the outcome
 * with the run: the predictions (for the annotation queue), metric points named
 * {@code eval/<dataset>/<split>/...} and a JSON report in the run folder.
 */
public final class WorkspaceEvaluation {
  private WorkspaceEvaluation() {}

  /** Progress callback: images done so far of the total. */
  @FunctionalInterface
  public interface Progress {
    void update(int done, int total);
  }

  /**
   * @param split null evaluates every split
   * @return the report (also stored)
   */
  public static EvaluationReport run(Workspace ws, long runId, String dataset, Split split, Progress progress)
      throws IOException {
    Path runDir = ws.runs().dir(runId);
    Path ckpt = Checkpoints.resolve(runDir);
    CheckpointInfo info = Checkpoints.readInfo(ckpt);
    List<LabeledImage> images = WorkspaceImages.load(ws, dataset, split, true);
    Evaluator ev = new Evaluator();
    List<io.maskocr.engine.store.Prediction> stored = new ArrayList<>();
    try (Recognizer r = Recognizer.load(ckpt)) {
      for (int from = 0; from < images.size(); from += Recognizer.BATCH) {
        List<LabeledImage> chunk = images.subList(from, Math.min(images.size(), from + Recognizer.BATCH));
        List<float[]> pixels = chunk.stream().map(l -> r.preprocessor().toPixels(l.image())).toList();
        Recognizer.Readings read = r.readAllWays(pixels);
        List<Prediction> preds = read.chosen();
        for (int i = 0; i < chunk.size(); i++) {
          Prediction p = preds.get(i);
          ev.add(chunk.get(i).label(), p.text(), p.confidence());
          ev.addCtc(chunk.get(i).label(), read.ctcAlone().get(i));
          ev.addDecoderAlone(chunk.get(i).label(), read.decoderAlone().get(i));
          if (!read.withoutPrior().isEmpty()) {
            ev.addWithoutPrior(chunk.get(i).label(), read.withoutPrior().get(i));
          }
          String id = chunk.get(i).id();
          long sampleId = Long.parseLong(id.substring(id.lastIndexOf('#') + 1));
          stored.add(new io.maskocr.engine.store.Prediction(
              sampleId, p.checkpoint(), p.text(), p.confidence(), p.charProbabilities()));
        }
        if (progress != null) {
          progress.update(Math.min(images.size(), from + Recognizer.BATCH), images.size());
        }
      }
    }
    EvaluationReport report = ev.report(10);
    ws.predictions().insertBatch(stored);
    String stage = "eval/" + dataset + "/" + (split == null ? "all" : split.code());
    List<MetricPoint> points = List.of(
        new MetricPoint(runId, stage, info.step(), "accuracy36", report.accuracy36()),
        new MetricPoint(runId, stage, info.step(), "accuracy_full", report.accuracyFull()),
        new MetricPoint(runId, stage, info.step(), "one_minus_ned", report.meanOneMinusNed()),
        new MetricPoint(runId, stage, info.step(), "count", report.count()));
    ws.runs().addMetrics(points);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("checkpoint", info.runId() + "@" + info.step());
    json.put("dataset", dataset);
    json.put("split", split == null ? "all" : split.code());
    json.put("report", report);
    Recipes.json().writeValue(
        runDir.resolve("eval-" + dataset.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
            + (split == null ? "all" : split.code()) + ".json").toFile(), json);
    return report;
  }
}
