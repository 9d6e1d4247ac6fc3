package io.maskocr.app.ui.render;

/**
 * What produced a batch of synthetic samples, to store with the dataset.
 *
 * @param configJson the style config as JSON
 * @param configSha256 SHA-256 of that JSON (the renderer-config hash of a run)
 * @param seed renderer seed; sample i of the batch is index i under this seed
 * @param width image width
 * @param height image height
 */
public record RenderProvenance(String configJson, String configSha256, long seed, int width, int height) {}
