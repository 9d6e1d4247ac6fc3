package io.maskocr.engine.store;

/**
 * One scalar of a run's learning curve.
 *
 * @param runId the run
 * @param stage stage name (mim, milm, dptr, odm, finetune...)
 * @param step global step within the stage
 * @param name metric name (loss, accuracy, lr...)
 * @param value the value
 */
public record MetricPoint(long runId, String stage, long step, String name, double value) {}
