package io.maskocr.engine.data;

import java.awt.image.BufferedImage;

/**
 * An image before preprocessing, as a data source hands it over.
 *
 * @param id stable identifier for provenance
 * @param image the picture at its original size
 * @param label ground truth, or null when unlabeled
 * @param charBoxes per character {@code x0, x1} in this image's pixels (2 * length), or null
 */
public record LabeledImage(String id, BufferedImage image, String label, float[] charBoxes) {}
