package io.maskocr.engine.annotate;

import java.nio.file.Path;

/**
 * A checkpoint of a workspace run as the annotation tools name it.
 *
 * @param key {@code runId@step}, the key its predictions are stored under (same as
 *     {@link io.maskocr.engine.infer.Recognizer#checkpointId()})
 * @param runId the workspace run
 * @param step training step of the checkpoint
 * @param directory the checkpoint folder
 * @param savedAt ISO-8601 time it was written
 */
public record CheckpointRef(String key, long runId, long step, Path directory, String savedAt) {}
