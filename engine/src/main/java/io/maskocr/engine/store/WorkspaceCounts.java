package io.maskocr.engine.store;

/**
 * Row counts of a workspace, for {@code maskocr info}.
 *
 * @param datasets datasets
 * @param samples samples over all datasets
 * @param labelEntries label history entries
 * @param predictions prediction rows
 * @param runs training runs
 * @param checkpoints checkpoints
 */
public record WorkspaceCounts(
    long datasets, long samples, long labelEntries, long predictions, long runs, long checkpoints) {}
