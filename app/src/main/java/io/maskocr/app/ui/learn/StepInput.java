package io.maskocr.app.ui.learn;

import io.maskocr.engine.data.Sample;
import io.maskocr.engine.learn.LearnImage;
import io.maskocr.engine.learn.LearnSession;
import io.maskocr.engine.model.ModelConfig;

/**
 * What every step shows: the student's picture, the same picture as the model's input, the
 * model's config and (once trained or loaded) the model itself.
 *
 * @param image the picture as chosen
 * @param sample the picture resized to {@code config}'s input, pixels in [-1, 1]
 * @param config the model's config (the planned one while the model is being prepared)
 * @param session the loaded model, or null while it is being prepared
 */
public record StepInput(LearnImage image, Sample sample, ModelConfig config, LearnSession session) {
  /** Whether the model is ready for steps that run it. */
  public boolean hasModel() {
    return session != null;
  }
}
