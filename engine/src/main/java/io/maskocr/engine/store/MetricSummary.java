package io.maskocr.engine.store;

/**
 * One metric of one run summed up by the database (finite values only), so a table of runs
 * never loads whole learning curves.
 *
 * @param runId the run
 * @param name metric name (loss, accuracy, lr...)
 * @param lowest smallest value
 * @param highest largest value
 * @param last the value recorded last
 * @param lastStep largest step with a value
 */
public record MetricSummary(long runId, String name, double lowest, double highest, double last, long lastStep) {}
