package io.maskocr.engine;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the installation's read-only files live: {@code samples/} and {@code assets/}.
 * The launcher sets {@code -Dmaskocr.home}; tests get {@code maskocr.repo} from Maven; as a
 * last resort we walk up from the current directory looking for {@code samples/}.
 */
public final class MaskocrHome {
  private MaskocrHome() {}

  /** The installation root; throws with advice when it cannot be found. */
  public static Path root() {
    for (String key : new String[] {"maskocr.home", "maskocr.repo"}) {
      String value = System.getProperty(key);
      if (value != null && Files.isDirectory(Path.of(value, "samples"))) {
        return Path.of(value).toAbsolutePath().normalize();
      }
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("samples")) && Files.isDirectory(p.resolve("assets"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "cannot find the MaskOCR Studio installation (samples/ and assets/): "
            + "start it with ./maskocr or set -Dmaskocr.home=DIR");
  }

  public static Path samples() {
    return root().resolve("samples");
  }

  public static Path fonts() {
    return root().resolve("assets").resolve("fonts");
  }
}
