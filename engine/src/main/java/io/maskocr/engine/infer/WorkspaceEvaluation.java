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
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a run's newest checkpoint (or any {@link TextReader}) on a labeled workspace split and stores the outcome
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
    Evaluator ev = new Evaluator();
    try (Recognizer r = Recognizer.load(ckpt)) {
      return evaluate(ws, new Target(runId, info.step(), runDir, info.runId() + "@" + info.step()), dataset, split,
          progress, ev, r.secondLook().describe(), chunk -> {
            List<BufferedImage> images = chunk.stream().map(LabeledImage::image).toList();
            TurnedReading plan = TurnedReading.of(images);
            List<float[]> pixels = plan.images().stream().map(r.preprocessor()::toPixels).toList();
            // the heads alone and the reading without the prior are diagnostics of the crops as given
            Recognizer.Readings read = r.readAllWays(pixels);
            for (int i = 0; i < chunk.size(); i++) {
              ev.addCtc(chunk.get(i).label(), read.ctcAlone().get(i));
              ev.addDecoderAlone(chunk.get(i).label(), read.decoderAlone().get(i));
              if (!read.withoutPrior().isEmpty()) {
                ev.addWithoutPrior(chunk.get(i).label(), read.withoutPrior().get(i));
              }
            }
            return r.secondLook().improve(images, plan.choose(read.chosen()),
                given -> r.predict(given.stream().map(r.preprocessor()::toPixels).toList()));
          });
    }
  }

  /** How {@link #run} reads the crops with run {@code runId}'s newest checkpoint, as its report says. */
  public static String readingOf(Workspace ws, long runId) throws IOException {
    return SecondLook.forRecipe(Checkpoints.readInfo(Checkpoints.resolve(ws.runs().dir(runId))).recipe()).describe();
  }

  /**
   * Evaluates any reader (an external model) under the same protocol, storing as {@link #run}
   * does: predictions under the reader's key, metric points with the run {@code target.runId()},
   * the JSON report in {@code target.dir()}.
   */
  public static EvaluationReport run(Workspace ws, TextReader reader, Target target, String dataset, Split split,
      Progress progress) throws IOException {
    return evaluate(ws, target, dataset, split, progress, new Evaluator(), "the reader's own",
        chunk -> reader.predictImages(chunk.stream().map(LabeledImage::image).toList()));
  }

  /**
   * Where an evaluation is stored.
   *
   * @param runId the run its metric points belong to
   * @param step the step they are recorded at
   * @param dir the folder of the JSON report
   * @param checkpoint what read, as the report names it
   */
  public record Target(long runId, long step, Path dir, String checkpoint) {}

  /** Reads one chunk of labelled images, one prediction each. */
  @FunctionalInterface
  private interface ChunkReader {
    List<Prediction> read(List<LabeledImage> chunk);
  }

  private static EvaluationReport evaluate(Workspace ws, Target target, String dataset, Split split,
      Progress progress, Evaluator ev, String reading, ChunkReader reader) throws IOException {
    List<LabeledImage> images = WorkspaceImages.load(ws, dataset, split, true);
    List<io.maskocr.engine.store.Prediction> stored = new ArrayList<>();
    for (int from = 0; from < images.size(); from += Recognizer.BATCH) {
      List<LabeledImage> chunk = images.subList(from, Math.min(images.size(), from + Recognizer.BATCH));
      List<Prediction> preds = reader.read(chunk);
      for (int i = 0; i < chunk.size(); i++) {
        Prediction p = preds.get(i);
        ev.add(chunk.get(i).label(), p.text(), p.confidence());
        String id = chunk.get(i).id();
        long sampleId = Long.parseLong(id.substring(id.lastIndexOf('#') + 1));
        stored.add(new io.maskocr.engine.store.Prediction(
            sampleId, p.checkpoint(), p.text(), p.confidence(), p.charProbabilities()));
      }
      if (progress != null) {
        progress.update(Math.min(images.size(), from + Recognizer.BATCH), images.size());
      }
    }
    EvaluationReport report = ev.report(10);
    ws.predictions().insertBatch(stored);
    String stage = stageName(dataset, split);
    long runId = target.runId();
    long step = target.step();
    List<MetricPoint> points = List.of(
        new MetricPoint(runId, stage, step, "accuracy36", report.accuracy36()),
        new MetricPoint(runId, stage, step, "accuracy_full", report.accuracyFull()),
        new MetricPoint(runId, stage, step, "one_minus_ned", report.meanOneMinusNed()),
        new MetricPoint(runId, stage, step, "count", report.count()));
    ws.runs().addMetrics(points);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("checkpoint", target.checkpoint());
    json.put("dataset", dataset);
    json.put("split", split == null ? "all" : split.code());
    json.put("reading", reading);
    json.put("report", report);
    java.nio.file.Files.createDirectories(target.dir());
    Recipes.json().writeValue(
        target.dir().resolve("eval-" + dataset.replaceAll("[^A-Za-z0-9._-]", "_") + "-"
            + (split == null ? "all" : split.code()) + ".json").toFile(), json);
    return report;
  }

  /** The stage name of an evaluation's metric points: {@code eval/<dataset>/<split>}. */
  public static String stageName(String dataset, Split split) {
    return "eval/" + dataset + "/" + (split == null ? "all" : split.code());
  }
}
