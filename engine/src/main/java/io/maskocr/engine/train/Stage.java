package io.maskocr.engine.train;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.model.ModelPart;
import java.util.List;
import java.util.Set;

/**
 * One training stage (mim, finetune, milm, dptr, odm). A stage owns its data, masking
 * and loss; the {@link TrainingService} owns the loop, optimizer, schedule and checkpoints.
 */
public interface Stage {
  /** The stage's recipe entry. */
  StageConfig config();

  /** Model parts this stage updates; the others stay frozen. */
  Set<ModelPart> trainableParts();

  /** Builds the batch of stage step {@code step} in plain arrays (pure function of the step). */
  HostBatch prepare(long step);

  /** Forward pass on {@code batch}; every array it creates belongs to {@code scope}. */
  StepOutput forward(MaskOcrModel model, ParameterStore ps, NDManager scope, HostBatch batch);

  /** A viewer snapshot (reconstruction or attention) of the first image of {@code batch}. */
  TrainingEvent snapshot(
      MaskOcrModel model, ParameterStore ps, NDManager scope, HostBatch batch, String runId, long step);

  /**
   * Trainable blocks the stage owns besides the model's parts (ODM's pixel head, DPTR's feature
   * merge unit), created in {@code model.manager()}; the optimizer updates them with the model.
   * They are not part of the recognizer; a stage registers them with {@link
   * StageContext#auxiliary()} so checkpoints keep them as side files. Default: none.
   */
  default List<io.maskocr.engine.model.NamedParameter> auxiliaryParameters(MaskOcrModel model) {
    return List.of();
  }

  /** Provenance lines of the stage's data sources. */
  List<String> dataProvenance();

  /** Which samples of its sources the stage keeps, for the run's provenance. Default: every one. */
  default String sampleFilter() {
    return "every sample";
  }
}
