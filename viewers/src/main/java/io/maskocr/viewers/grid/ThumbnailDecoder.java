package io.maskocr.viewers.grid;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Decodes an image file into a small JavaFX image that fits a box, keeping the aspect ratio.
 * Uses ImageIO (with whatever plugins are on the class path, e.g. TwelveMonkeys for TIFF and
 * WebP) and reads big images with source subsampling, so a huge file costs little memory.
 * Safe to call from any thread; meant for a background pool.
 */
public final class ThumbnailDecoder {
  private final int maxWidth;
  private final int maxHeight;

  /** @param maxWidth box width in pixels; @param maxHeight box height in pixels */
  public ThumbnailDecoder(int maxWidth, int maxHeight) {
    if (maxWidth < 1 || maxHeight < 1) {
      throw new IllegalArgumentException(
          "thumbnail box must be at least 1x1, was " + maxWidth + "x" + maxHeight);
    }
    this.maxWidth = maxWidth;
    this.maxHeight = maxHeight;
  }

  /** Reads and scales {@code file}; throws IOException naming the file when it cannot. */
  public WritableImage decode(Path file) throws IOException {
    BufferedImage source = read(file);
    double scale = Math.min(1.0, Math.min(
        (double) maxWidth / source.getWidth(), (double) maxHeight / source.getHeight()));
    int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
    int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
    BufferedImage scaled = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = scaled.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(source, 0, 0, w, h, null);
    } finally {
      g.dispose();
    }
    int[] argb = scaled.getRGB(0, 0, w, h, null, 0, w);
    WritableImage image = new WritableImage(w, h);
    image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    return image;
  }

  private BufferedImage read(Path file) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      if (in == null) {
        throw new IOException("cannot open " + file);
      }
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new IOException("no image decoder for " + file);
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int w = reader.getWidth(0);
        int h = reader.getHeight(0);
        // Subsample so the decoded image is at most ~2x the box: fast and small.
        int step = Math.max(1, Math.min(w / (2 * maxWidth), h / (2 * maxHeight)));
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage image = reader.read(0, param);
        if (image == null) {
          throw new IOException("empty image " + file);
        }
        return image;
      } finally {
        reader.dispose();
      }
    }
  }
}
