package io.maskocr.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** Resolves paths from list files against the import root, refusing any that escape it. */
final class RootedPath {
  private RootedPath() {}

  /**
   * The file {@code relative} names under {@code root}, or empty when it is absolute, has a
   * drive letter, or climbs out of the root with {@code ..}. Backslashes count as separators
   * (lists written on Windows).
   */
  static Optional<Path> resolve(Path root, String relative) {
    String rel = relative.replace('\\', '/');
    if (rel.isEmpty() || rel.startsWith("/") || rel.matches("^[A-Za-z]:.*")) {
      return Optional.empty();
    }
    try {
      Path base = root.toAbsolutePath().normalize();
      Path p = base.resolve(rel).normalize();
      return p.startsWith(base) && !p.equals(base) ? Optional.of(p) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  /**
   * The target outside {@code root} that {@code file} really is (after following symbolic
   * links), or null when it stays inside or does not exist (the read reports a missing file).
   * A link inside an import folder would otherwise copy any readable file of the machine
   * (say {@code ~/.ssh/id_rsa} renamed {@code word.png}) into the workspace.
   */
  static Path escapingTarget(Path root, Path file) {
    try {
      Path real = file.toRealPath();
      return real.startsWith(root.toRealPath()) ? null : real;
    } catch (IOException | SecurityException e) {
      return null;
    }
  }
}
