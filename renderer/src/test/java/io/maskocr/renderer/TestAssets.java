package io.maskocr.renderer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's fonts and corpora, loaded once for all renderer tests. */
final class TestAssets {
  private static RendererAssets assets;

  private TestAssets() {}

  static Path repo() {
    String p = System.getProperty("maskocr.repo");
    Path root = p != null ? Path.of(p) : Path.of("").toAbsolutePath().getParent();
    if (!Files.isDirectory(root.resolve("assets/fonts"))) {
      root = Path.of("").toAbsolutePath();
    }
    return root;
  }

  static synchronized RendererAssets get() {
    if (assets == null) {
      try {
        assets = RendererAssets.load(repo());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return assets;
  }
}
