package io.maskocr.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every regular file under a folder (recursively, sorted by path; hidden files ignored).
 * Files that are not images are skipped by the checker as unsupported, with their name.
 */
final class FolderSource implements ImportSource {
  private final Path root;
  private final List<Path> files;
  private final LabelPattern labels;

  FolderSource(Path root, LabelPattern labels) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.labels = labels;
    try (Stream<Path> walk = Files.walk(this.root)) {
      this.files =
          walk.filter(p -> !isHidden(this.root.relativize(p)))
              .filter(Files::isRegularFile)
              .sorted()
              .toList();
    }
  }

  private static boolean isHidden(Path rel) {
    for (Path part : rel) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public long total() {
    return files.size();
  }

  @Override
  public Iterator<ImportItem> iterator() {
    return files.stream().map(this::item).iterator(); // lazy: one item at a time
  }

  private ImportItem item(Path f) {
    String name = root.relativize(f).toString().replace('\\', '/');
    Path outside = Files.isSymbolicLink(f) ? RootedPath.escapingTarget(root, f) : null;
    if (outside != null) {
      return ImportItem.skipped(name, name, SkipReason.PATH_OUTSIDE_ROOT, "a link to " + outside);
    }
    String label = labels == null ? null : labels.labelOf(f.getFileName().toString());
    return new ImportItem(name, name, () -> Files.readAllBytes(f), label, null);
  }

  @Override
  public void close() {}
}
