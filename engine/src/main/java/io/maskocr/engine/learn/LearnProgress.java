package io.maskocr.engine.learn;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Where a student left the Learn walk-through: the step on screen and the image they used.
 *
 * @param step 0-based step index (clamped to the steps that exist when read)
 * @param image {@code sample:N} for bundled sample N, or the absolute path of the student's
 *     own image
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LearnProgress(int step, String image) {
  /** Prefix of {@link #image} values that name a bundled sample. */
  public static final String SAMPLE_PREFIX = "sample:";

  /** Normalizes a missing image to the first bundled sample and a negative step to 0. */
  public LearnProgress {
    step = Math.max(0, step);
    image = image == null || image.isBlank() ? SAMPLE_PREFIX + 0 : image;
  }

  /** The start: step 0 with the first bundled sample. */
  public static LearnProgress start() {
    return new LearnProgress(0, null);
  }

  /** The bundled sample index, or -1 when {@link #image} is a file. */
  public int sampleIndex() {
    if (!image.startsWith(SAMPLE_PREFIX)) {
      return -1;
    }
    try {
      return Math.max(0, Integer.parseInt(image.substring(SAMPLE_PREFIX.length()).trim()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  public LearnProgress withStep(int s) {
    return new LearnProgress(s, image);
  }

  public LearnProgress withImage(String i) {
    return new LearnProgress(step, i);
  }
}
