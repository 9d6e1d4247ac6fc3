package io.maskocr.engine.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.maskocr.engine.store.MetricPoint;
import io.maskocr.engine.store.RunStatus;
import io.maskocr.engine.store.Workspace;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a run in the workspace database (status, metric curves, checkpoints) and as files in
 * its folder ({@link FileRunRecorder}: provenance, metrics.jsonl, status).
 */
public final class WorkspaceRunRecorder implements RunRecorder {
  private final Workspace workspace;
  private final long runId;
  private final FileRunRecorder files;

  /** Records run {@code runId} (created beforehand with {@code workspace.runs().create}). */
  public WorkspaceRunRecorder(Workspace workspace, long runId) {
    this.workspace = workspace;
    this.runId = runId;
    this.files = new FileRunRecorder(workspace.runs().dir(runId));
  }

  @Override
  public void started(RunProvenance provenance) {
    files.started(provenance);
    if (provenance.resumedFromStep() == 0) {
      // the record made at creation had no data yet; a resume keeps the first session's record
      // (its own provenance goes to provenance-resume-<step>.json)
      try {
        workspace.runs().setProvenance(runId, Recipes.json().writeValueAsString(provenance),
            provenance.codeVersion(), provenance.machine());
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write the provenance of run " + runId + ": " + e.getMessage(), e);
      }
    }
    workspace.runs().setStatus(runId, RunStatus.RUNNING);
  }

  @Override
  public void event(TrainingEvent event) {
    files.event(event);
    if (event instanceof TrainingEvent.Metrics m) {
      List<MetricPoint> points = new ArrayList<>();
      points.add(new MetricPoint(runId, m.stageType(), m.step(), "loss", m.loss()));
      if (!Double.isNaN(m.accuracy())) {
        points.add(new MetricPoint(runId, m.stageType(), m.step(), "accuracy", m.accuracy()));
      }
      points.add(new MetricPoint(runId, m.stageType(), m.step(), "lr", m.learningRate()));
      points.add(new MetricPoint(runId, m.stageType(), m.step(), "grad_norm", m.gradNorm()));
      points.add(new MetricPoint(runId, m.stageType(), m.step(), "images_per_s", m.imagesPerSecond()));
      workspace.runs().addMetrics(points);
    } else if (event instanceof TrainingEvent.CheckpointSaved c) {
      String path = workspace.root().relativize(c.directory().toAbsolutePath()).toString();
      CheckpointInfo info = Checkpoints.readInfo(c.directory());
      String stage = info.stageIndex() < info.recipe().stages().size()
          ? info.recipe().stages().get(info.stageIndex()).type() : "end";
      workspace.runs().addCheckpoint(runId, stage, c.step(), path, "{}");
    } else if (event instanceof TrainingEvent.Finished f) {
      workspace.runs().setStatus(runId, f.completed() ? RunStatus.COMPLETED : RunStatus.STOPPED);
    } else if (event instanceof TrainingEvent.Failed f) {
      workspace.runs().setStatus(runId, RunStatus.FAILED);
      workspace.runs().get(runId).ifPresent(r -> workspace.runs().annotate(
          runId, r.name(), r.tags(), (r.notes().isEmpty() ? "" : r.notes() + "\n") + "failed: " + f.reason()));
    }
  }
}
