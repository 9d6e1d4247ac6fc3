package io.maskocr.engine.store;

import java.util.List;

/**
 * One forward step of the schema: applying it to a database at {@code version - 1} brings it
 * to {@code version}. Steps are never edited once released; changes are new steps.
 *
 * @param version schema version after this step (1, 2, ...)
 * @param description what the step adds
 * @param statements SQL statements, run in order in one transaction
 */
record Migration(int version, String description, List<String> statements) {}
