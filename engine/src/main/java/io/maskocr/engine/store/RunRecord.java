package io.maskocr.engine.store;

import java.time.Instant;
import java.util.List;

/**
 * A stored training run.
 *
 * @param id database id; checkpoints go under {@code runs/<id>/}
 * @param name display name
 * @param recipeJson recipe as JSON
 * @param seed master seed
 * @param provenanceJson data provenance as JSON
 * @param codeVersion code version
 * @param machine machine description
 * @param status lifecycle state
 * @param created when the run was recorded
 * @param started when it started running, or null
 * @param finished when it ended, or null
 * @param tags tags
 * @param notes notes
 */
public record RunRecord(
    long id,
    String name,
    String recipeJson,
    long seed,
    String provenanceJson,
    String codeVersion,
    String machine,
    RunStatus status,
    Instant created,
    Instant started,
    Instant finished,
    List<String> tags,
    String notes) {}
