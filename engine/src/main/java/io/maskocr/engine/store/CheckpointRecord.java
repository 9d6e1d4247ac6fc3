package io.maskocr.engine.store;

import java.time.Instant;

/**
 * A saved checkpoint of a run.
 *
 * @param id database id (0 before insertion)
 * @param runId the run
 * @param stage stage name
 * @param step step at which it was saved
 * @param path file or folder, relative to the workspace root when inside it
 * @param metricsJson metrics at save time as JSON
 * @param created when it was recorded
 */
public record CheckpointRecord(
    long id, long runId, String stage, long step, String path, String metricsJson, Instant created) {}
