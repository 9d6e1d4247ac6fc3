package io.maskocr.engine.train;

import io.maskocr.engine.MaskocrHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The pre-trained starter model that ships with the app ({@code assets/models/starter-latin36/}):
 * a normal checkpoint folder (weights.bin, checkpoint.json with its provenance), trained on
 * synthetic words only with the built-in {@code starter} recipe. A fresh workspace predicts with
 * it, and recipes fine-tune from it with {@code "init": "starter"}.
 */
public final class StarterModel {
  /** The name that selects it: {@code --run starter}, {@code "init": "starter"}. */
  public static final String NAME = "starter";

  /** Its folder under {@code assets/models/}. */
  public static final String FOLDER = "starter-latin36";

  private StarterModel() {}

  /**
   * Where the starter lives (whether or not it is there): {@code -Dmaskocr.starter=DIR} when set
   * (another starter, or a test's), else the installation's {@code assets/models/starter-latin36}.
   */
  public static Path location() {
    String override = System.getProperty("maskocr.starter");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    return MaskocrHome.root().resolve("assets").resolve("models").resolve(FOLDER);
  }

  /** The starter's checkpoint folder, when this installation has one. */
  public static Optional<Path> directory() {
    Path dir = location();
    return Files.isRegularFile(dir.resolve("checkpoint.json")) && Files.isRegularFile(dir.resolve("weights.bin"))
        ? Optional.of(dir) : Optional.empty();
  }

  /**
   * The starter's checkpoint folder.
   *
   * @throws IllegalStateException saying what is missing and what to do
   */
  public static Path require() {
    return directory().orElseThrow(() -> new IllegalStateException(
        "the starter model is missing from this installation (" + location() + " needs weights.bin and "
            + "checkpoint.json): restore it from the repository (git checkout -- assets/models), "
            + "or train from random weights with the recipe 'scratch'"));
  }
}
