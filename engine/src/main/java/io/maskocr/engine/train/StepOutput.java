package io.maskocr.engine.train;

import ai.djl.ndarray.NDArray;

/**
 * What a stage's forward pass returns.
 *
 * @param loss scalar loss (in the step scope) to back-propagate
 * @param images images in the batch
 * @param accuracy word accuracy on the batch, NaN when the stage has none
 */
public record StepOutput(NDArray loss, int images, double accuracy) {}
