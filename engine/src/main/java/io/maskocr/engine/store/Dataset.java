package io.maskocr.engine.store;

import java.time.Instant;

/**
 * A named collection of samples in a workspace.
 *
 * @param id database id
 * @param name unique name (what the CLI's {@code --dataset} refers to)
 * @param created when it was created
 */
public record Dataset(long id, String name, Instant created) {}
