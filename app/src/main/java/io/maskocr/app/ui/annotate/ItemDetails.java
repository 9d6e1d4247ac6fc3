package io.maskocr.app.ui.annotate;

import io.maskocr.engine.store.LabelEntry;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * What the work view shows beside the queue row, loaded off the UI thread.
 *
 * @param sampleId the sample
 * @param image the original image, or null when it cannot be read
 * @param history label history, oldest first
 * @param problem why the image is missing, or null
 */
record ItemDetails(long sampleId, BufferedImage image, List<LabelEntry> history, String problem) {}
