package io.maskocr.engine.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Guesses the layout of an import source: a {@code data.mdb} means LMDB; a {@code .jsonl}
 * file means JSON Lines; a {@code .tsv}/{@code .txt} file means a TSV list; a folder holding
 * exactly one such list file ({@code labels.tsv}, {@code rec_gt.txt}, {@code labels.jsonl})
 * means that list; any other folder is an image folder.
 */
public final class FormatDetector {
  private static final List<String> LIST_NAMES =
      List.of("labels.tsv", "labels.jsonl", "rec_gt.txt", "gt.txt", "labels.txt");

  private FormatDetector() {}

  /** The detected format together with the file or folder to read. */
  public record Detected(ImportFormat format, Path path) {}

  /**
   * Detects the layout of {@code source}.
   *
   * @throws IllegalArgumentException when the source does not exist or is ambiguous
   */
  public static Detected detect(Path source) {
    if (!Files.exists(source)) {
      throw new IllegalArgumentException("import source " + source + " does not exist");
    }
    if (Files.isRegularFile(source)) {
      String name = source.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.equals("data.mdb")) {
        return new Detected(ImportFormat.LMDB, source.toAbsolutePath().getParent());
      }
      if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
        return new Detected(ImportFormat.JSONL, source);
      }
      if (name.endsWith(".tsv") || name.endsWith(".txt")) {
        return new Detected(ImportFormat.TSV, source);
      }
      throw new IllegalArgumentException(
          source + " is a file but not a list (.tsv, .txt, .jsonl) or data.mdb: give --format or a folder");
    }
    if (Files.isRegularFile(source.resolve("data.mdb"))) {
      return new Detected(ImportFormat.LMDB, source);
    }
    Optional<Path> list = listIn(source);
    return list.map(FormatDetector::detect).orElseGet(() -> new Detected(ImportFormat.FOLDER, source));
  }

  /** The list file in a folder, if exactly one of the well-known names is present. */
  static Optional<Path> listIn(Path folder) {
    List<Path> found = LIST_NAMES.stream().map(folder::resolve).filter(Files::isRegularFile).toList();
    if (found.size() > 1) {
      throw new IllegalArgumentException(
          folder + " holds several label lists " + found.stream().map(p -> p.getFileName().toString()).toList()
              + ": pass the one to import as SOURCE");
    }
    return found.stream().findFirst();
  }

  /** The list file for an explicit list format given a folder or a file. */
  static Path listFile(Path source, ImportFormat format) throws IOException {
    if (Files.isRegularFile(source)) {
      return source;
    }
    String ext = format == ImportFormat.JSONL ? ".jsonl" : ".tsv";
    Optional<Path> known = listIn(source).filter(p -> p.toString().endsWith(ext) || format == ImportFormat.TSV);
    if (known.isPresent()) {
      return known.get();
    }
    try (Stream<Path> files = Files.list(source)) {
      List<Path> candidates = files.filter(p -> p.toString().endsWith(ext)).toList();
      if (candidates.size() == 1) {
        return candidates.get(0);
      }
    }
    throw new IllegalArgumentException(
        "no single " + ext + " list in " + source + ": pass the list file as SOURCE");
  }
}
