package io.maskocr.engine.inspect;

import ai.djl.training.ParameterStore;
import io.maskocr.engine.data.ImagePreprocessor;
import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.MaskOcrModel;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.train.CheckpointInfo;
import io.maskocr.engine.train.Checkpoints;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A model loaded from a checkpoint for inspection (reconstruction, attention), independent of
 * any trainer. Inspectors built on it serialize their forward passes on this object; run them
 * off the UI thread. Close it to free the native memory.
 */
public final class LoadedCheckpoint implements AutoCloseable {
  private final MaskOcrModel model;
  private final boolean owns;
  private final CheckpointInfo info;
  private final String id;
  private final ParameterStore ps;

  private LoadedCheckpoint(MaskOcrModel model, boolean owns, CheckpointInfo info, String id) {
    this.model = model;
    this.owns = owns;
    this.info = info;
    this.id = id;
    this.ps = model.newParameterStore();
  }

  /**
   * Loads the newest checkpoint of a run folder, or a given checkpoint folder.
   *
   * @throws IllegalArgumentException naming the folder when it holds no usable checkpoint
   */
  public static LoadedCheckpoint open(Path runOrCheckpoint) throws IOException {
    Path dir = Checkpoints.resolve(runOrCheckpoint);
    CheckpointInfo info = Checkpoints.readInfo(dir);
    return new LoadedCheckpoint(Checkpoints.loadModel(dir, null), true, info, info.runId() + "@" + info.step());
  }

  /** Wraps a model the caller keeps owning (tests). */
  public static LoadedCheckpoint wrap(MaskOcrModel model, String id) {
    return new LoadedCheckpoint(model, false, null, id);
  }

  /** {@code runId@step}. */
  public String id() {
    return id;
  }

  /** The checkpoint record, or null for a wrapped model. */
  public CheckpointInfo info() {
    return info;
  }

  public ModelConfig config() {
    return model.config();
  }

  public CharacterSet charset() {
    return model.charset();
  }

  /** Resizing and pixel mapping matching this model's input. */
  public ImagePreprocessor preprocessor() {
    return new ImagePreprocessor(model.config());
  }

  /**
   * Whether the run trained the MIM decoder (has a {@code mim} stage before or at the saved
   * step); otherwise reconstructions come from an untrained decoder.
   */
  public boolean hasTrainedMimDecoder() {
    if (info == null) {
      return true;
    }
    for (int i = 0; i < info.recipe().stages().size(); i++) {
      if (info.recipe().stages().get(i).type().equals("mim") && info.recipe().stageStart(i) < info.step()) {
        return true;
      }
    }
    return false;
  }

  MaskOcrModel model() {
    return model;
  }

  ParameterStore parameterStore() {
    return ps;
  }

  @Override
  public void close() {
    if (owns) {
      synchronized (this) {
        model.close();
      }
    }
  }
}
