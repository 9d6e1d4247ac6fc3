package io.maskocr.engine.store;

/**
 * What a training run read from one dataset split, in a form that changes when any of it
 * changes: a SHA-256 over (image SHA-256, current label entry id) of every sample in id order.
 * A relabelled sample appends a label entry, so its entry id, and the fingerprint, change.
 *
 * @param samples samples in the split
 * @param labelled of those, samples whose current label is text (not illegible, not cleared)
 * @param sha256 hex fingerprint; the hash of nothing for an empty split
 */
public record SplitFingerprint(long samples, long labelled, String sha256) {}
