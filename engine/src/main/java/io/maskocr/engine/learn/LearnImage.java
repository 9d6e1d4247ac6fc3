package io.maskocr.engine.learn;

import io.maskocr.engine.data.ImagePreprocessor;
import io.maskocr.engine.data.Sample;
import io.maskocr.engine.model.ModelConfig;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * The picture a student walks through the pipeline with: a bundled sample (with its label and
 * character boxes) or their own image (no label, no boxes).
 *
 * @param name what to call it on screen ("sample 3 “marmot”", or the file name)
 * @param source {@link LearnProgress#image()} value that finds it again
 * @param image the picture at its original size
 * @param label the true text, or null when unknown
 * @param spans per character {@code x0, x1} in this image's pixels, or null when unknown
 */
public record LearnImage(String name, String source, BufferedImage image, String label, float[] spans) {

  /** Whether the true text and character boxes are known (bundled samples). */
  public boolean hasBoxes() {
    return spans != null && label != null;
  }

  /** The image as the model sees it: resized to its input, pixels in [-1, 1], spans rescaled. */
  public Sample toSample(ModelConfig config) {
    ImagePreprocessor pre = new ImagePreprocessor(config);
    return new Sample(source, pre.toPixels(image), label, pre.scaleSpans(spans, image.getWidth()));
  }

  /**
   * Reads the student's own image.
   *
   * @throws IOException naming the file when it is missing or not a picture Java can decode
   */
  public static LearnImage fromFile(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("no image file " + file);
    }
    BufferedImage img = ImageIO.read(file.toFile());
    if (img == null) {
      throw new IOException(file.getFileName() + " is not an image this app can read: use a PNG, JPEG, BMP or GIF");
    }
    if (img.getWidth() < 4 || img.getHeight() < 4) {
      throw new IOException(file.getFileName() + " is only " + img.getWidth() + "x" + img.getHeight()
          + " pixels: choose a word image at least 4x4");
    }
    return new LearnImage(file.getFileName().toString(), file.toAbsolutePath().toString(), img, null, null);
  }
}
