package io.maskocr.engine.model;

import ai.djl.nn.Parameter;

/**
 * A model parameter with its stable, part-qualified name (e.g. {@code encoder.01embed_...}).
 *
 * @param name unique name used in checkpoints and optimizer state
 * @param part the model part it belongs to
 * @param parameter the DJL parameter (its array lives in the model's manager)
 */
public record NamedParameter(String name, ModelPart part, Parameter parameter) {
  /** True for matrices of linear layers, which AdamW decays; not biases, norms or tables. */
  public boolean decays() {
    return parameter.getType() == Parameter.Type.WEIGHT && parameter.getArray().getShape().dimension() >= 2;
  }
}
