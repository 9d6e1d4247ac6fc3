package io.maskocr.engine.metrics;

/**
 * How often the model read {@code expected} as {@code predicted} (either may be empty for a
 * missed or an extra character).
 */
public record Confusion(String expected, String predicted, int count) {}
