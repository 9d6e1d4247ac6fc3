package io.maskocr.engine.external;

import io.maskocr.engine.infer.Prediction;
import io.maskocr.engine.infer.TextReader;
import io.maskocr.engine.infer.WorkspaceEvaluation;
import io.maskocr.engine.metrics.EvaluationReport;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;

/**
 * Evaluates an external model as runs are evaluated ({@link WorkspaceEvaluation}: 36-symbol and
 * case-sensitive accuracy, 1-NED, by length), stored with its {@link BaselineRun} so the runs
 * table shows the figures, and counts what its readings hold beyond the 36-symbol charset.
 */
public final class ExternalEvaluation {
  private ExternalEvaluation() {}

  /**
   * @param report the same report a run's eval gives
   * @param coverage characters of the readings outside 0-9a-z
   * @param runId the baseline run the figures are stored with
   */
  public record Result(EvaluationReport report, CharsetCoverage coverage, long runId) {}

  public static Result run(Workspace ws, String model, String dataset, Split split, int threads,
      WorkspaceEvaluation.Progress progress) throws IOException {
    try (ExternalRecognizer r = ExternalModels.open(ws, model, threads)) {
      return run(ws, r, dataset, split, progress);
    }
  }

  /** Evaluates an open model. */
  public static Result run(Workspace ws, ExternalRecognizer r, String dataset, Split split,
      WorkspaceEvaluation.Progress progress) throws IOException {
    long runId = BaselineRun.ensure(ws, r.model());
    CharsetCoverage coverage = new CharsetCoverage();
    TextReader counting = new TextReader() {
      @Override
      public String checkpointId() {
        return r.checkpointId();
      }

      @Override
      public List<Prediction> predictImages(List<BufferedImage> images) {
        List<Prediction> p = r.predictImages(images);
        p.forEach(x -> coverage.add(x.text()));
        return p;
      }

      @Override
      public void close() {}
    };
    EvaluationReport report = WorkspaceEvaluation.run(ws, counting,
        new WorkspaceEvaluation.Target(runId, 0, ws.runs().dir(runId), r.checkpointId()), dataset, split, progress);
    return new Result(report, coverage, runId);
  }
}
