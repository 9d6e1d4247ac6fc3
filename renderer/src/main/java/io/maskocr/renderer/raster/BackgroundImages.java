package io.maskocr.renderer.raster;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** The user's background images, decoded once (sorted by file name so picks are deterministic). */
public final class BackgroundImages {
  private static final int MAX_IMAGES = 200;
  private final List<BufferedImage> images;

  private BackgroundImages(List<BufferedImage> images) {
    this.images = List.copyOf(images);
  }

  /** No images: only valid when the config gives {@code image} backgrounds weight 0. */
  public static BackgroundImages none() {
    return new BackgroundImages(List.of());
  }

  /** Loads up to 200 PNG/JPEG/BMP/GIF images from {@code dir}; errors name the folder or file. */
  public static BackgroundImages load(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException("backgroundImages folder " + dir + " does not exist");
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT)
              .matches(".*\\.(png|jpe?g|bmp|gif)"))
          .sorted().limit(MAX_IMAGES).toList();
    }
    List<BufferedImage> out = new ArrayList<>();
    for (Path f : files) {
      BufferedImage img = ImageIO.read(f.toFile());
      if (img == null) {
        throw new IOException("cannot decode background image " + f);
      }
      if (img.getWidth() >= 8 && img.getHeight() >= 8) {
        out.add(img);
      }
    }
    if (out.isEmpty()) {
      throw new IOException("backgroundImages folder " + dir + " holds no usable image (PNG/JPEG/BMP/GIF, at least 8x8)");
    }
    return new BackgroundImages(out);
  }

  /** True when no image is loaded. */
  public boolean isEmpty() {
    return images.isEmpty();
  }

  /** One image chosen by {@code r}. */
  BufferedImage pick(SplittableRandom r) {
    if (images.isEmpty()) {
      throw new IllegalStateException("image background requested but no backgroundImages are loaded");
    }
    return images.get(r.nextInt(images.size()));
  }
}
