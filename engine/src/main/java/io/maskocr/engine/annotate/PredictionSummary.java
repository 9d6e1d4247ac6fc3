package io.maskocr.engine.annotate;

import java.util.List;

/**
 * How a prediction job went.
 *
 * @param checkpoint the checkpoint key predictions were stored under
 * @param predicted predictions made and stored by this job
 * @param alreadyDone samples skipped because this checkpoint had predicted them before
 * @param unreadable samples whose image could not be decoded (not predicted)
 * @param problems one line per unreadable image (first few)
 * @param cancelled true when the job stopped on request (everything predicted so far is stored)
 * @param seconds wall time
 */
public record PredictionSummary(
    String checkpoint, long predicted, long alreadyDone, long unreadable, List<String> problems,
    boolean cancelled, double seconds) {}
