package io.maskocr.engine.train;

import io.maskocr.engine.model.CharacterSet;
import io.maskocr.engine.model.ModelConfig;

/**
 * What a checkpoint holds besides tensors: enough to rebuild the model, check its charset and
 * continue the run at the same step with the same data order.
 *
 * @param format checkpoint format version
 * @param runId the run
 * @param step global step reached (next step to run)
 * @param stageIndex stage the next step belongs to
 * @param optimizerSteps updates the current stage's optimizer has taken
 * @param model model config
 * @param charsetName charset name
 * @param charsetSymbols all symbols in id order
 * @param charsetCaseFolding whether labels are folded (latin36)
 * @param recipe the (effective) recipe of the run
 * @param savedAt ISO-8601 time
 */
public record CheckpointInfo(
    int format,
    String runId,
    long step,
    int stageIndex,
    long optimizerSteps,
    ModelConfig model,
    String charsetName,
    String charsetSymbols,
    boolean charsetCaseFolding,
    Recipe recipe,
    String savedAt) {

  /** Current format version. */
  public static final int FORMAT = 1;

  /** The charset saved with the checkpoint. */
  public CharacterSet charset() {
    return CharacterSet.of(charsetName, charsetSymbols, charsetCaseFolding);
  }
}
