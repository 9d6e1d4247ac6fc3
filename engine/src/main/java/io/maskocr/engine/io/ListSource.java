package io.maskocr.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/**
 * Shared part of the list layouts (TSV, JSON Lines): lines name an image relative to the
 * list file's folder, plus a label. Subclasses parse one line.
 */
abstract class ListSource implements ImportSource {
  /** A parsed line: image path and label (null = unlabeled). */
  record Entry(String path, String label) {}

  private final Path listFile;
  private final Path root;
  private final List<Utf8Lines.Line> lines;
  /** First line naming each file; touched only by the iterating thread. */
  private final Map<Path, Integer> firstLine = new HashMap<>();

  ListSource(Path listFile) throws IOException {
    this.listFile = listFile;
    this.root = listFile.toAbsolutePath().getParent();
    this.lines = Utf8Lines.read(listFile).stream().filter(l -> l.text() == null || !l.text().isBlank()).toList();
  }

  /** Parses one non-blank line; throws IllegalArgumentException with what is wrong. */
  abstract Entry parse(String line);

  @Override
  public long total() {
    return lines.size();
  }

  @Override
  public Iterator<ImportItem> iterator() {
    return lines.stream().map(this::item).iterator(); // lazy: one item at a time
  }

  private ImportItem item(Utf8Lines.Line line) {
    String where = listFile.getFileName() + ":" + line.number();
    if (line.text() == null) {
      return ImportItem.skipped(where, where, SkipReason.BAD_LABEL_ENCODING,
          "line " + line.number() + " of " + listFile);
    }
    Entry e;
    try {
      e = parse(line.text());
    } catch (IllegalArgumentException ex) {
      return ImportItem.skipped(where, where, SkipReason.BAD_LINE, ex.getMessage());
    }
    Optional<Path> file = RootedPath.resolve(root, e.path());
    if (file.isEmpty()) {
      return ImportItem.skipped(e.path(), where, SkipReason.PATH_OUTSIDE_ROOT,
          "'" + e.path() + "' is absolute or leaves " + root);
    }
    Path f = file.get();
    String name = root.relativize(f).toString().replace('\\', '/');
    Path outside = RootedPath.escapingTarget(root, f);
    if (outside != null) {
      return ImportItem.skipped(name, where, SkipReason.PATH_OUTSIDE_ROOT, "'" + name + "' is a link to " + outside);
    }
    Integer first = firstLine.putIfAbsent(f, line.number());
    if (first != null) {
      // the second label of one image is either a copy or a contradiction: never pick one silently
      return ImportItem.skipped(name, where, SkipReason.DUPLICATE_ENTRY,
          "'" + name + "' is already listed on line " + first);
    }
    return new ImportItem(name, where + " " + name, () -> Files.readAllBytes(f), e.label(), null);
  }

  @Override
  public void close() {}
}
