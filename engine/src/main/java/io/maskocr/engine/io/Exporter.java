package io.maskocr.engine.io;

import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.SampleQuery;
import io.maskocr.engine.store.Workspace;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * Writes a dataset (or one split of it) in one of the import layouts, so that importing the
 * output gives the same images and labels back:
 *
 * <ul>
 *   <li>{@code tsv}: {@code images/<id>.<ext>} + {@code labels.tsv} ({@code images/..<TAB>label});
 *   <li>{@code jsonl}: {@code images/<id>.<ext>} + {@code labels.jsonl};
 *   <li>{@code lmdb}: {@code data.mdb} with {@code num-samples}, {@code image-%09d}, {@code
 *       label-%09d} (1-based; unlabeled samples get an empty label);
 *   <li>{@code folder}: {@code <label>_<id>.<ext>} (import with {@code --label-pattern
 *       '{label}_*'}); characters a file name cannot hold become {@code _}.
 * </ul>
 */
public final class Exporter {
  private static final int PAGE = 1000;
  private final Workspace ws;

  public Exporter(Workspace ws) {
    this.ws = ws;
  }

  /**
   * Exports; progress is reported as {@link ImportProgress} with {@code imported} = written.
   *
   * @throws IllegalArgumentException when the dataset is unknown or {@code out} is not empty
   * @throws IOException when writing fails
   */
  public ExportSummary run(ExportRequest request, ImportListener listener, BooleanSupplier cancelled)
      throws IOException {
    Dataset dataset = ws.datasets().require(request.dataset());
    Path out = request.out().toAbsolutePath().normalize();
    prepareEmpty(out);
    // Written into a partial folder beside the target and renamed at the end: a crash or a
    // cancel never leaves a half export under the target's name.
    Path partial = out.resolveSibling("." + out.getFileName() + ".partial-" + ProcessHandle.current().pid());
    deleteTree(partial);
    Files.createDirectories(partial);
    ImportListener progress = listener == null ? ImportListener.NONE : listener;
    BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
    SampleQuery query = SampleQuery.of(dataset.id(), PAGE).withSplit(request.split());
    long total = ws.samples().count(query);
    long written = 0;
    boolean wasCancelled = false;
    long altered;
    try {
      try (ExportWriter writer = ExportWriter.open(request.format(), partial, ws, total)) {
        long after = 0;
        while (true) {
          if (stop.getAsBoolean()) {
            wasCancelled = true;
            break;
          }
          List<Sample> page = ws.samples().page(query.after(after));
          if (page.isEmpty()) {
            break;
          }
          for (Sample s : page) {
            writer.write(s, imageOf(s));
          }
          written += page.size();
          after = page.get(page.size() - 1).id();
          progress.progress(new ImportProgress(written, total, written, 0, 0));
        }
        altered = writer.labelsAltered();
      }
      if (wasCancelled) {
        deleteTree(partial);
        return new ExportSummary(dataset.name(), request.format(), out, 0, altered, true);
      }
      fsyncTree(partial);
      Files.deleteIfExists(out); // empty (checked above)
      Files.move(partial, out, StandardCopyOption.ATOMIC_MOVE);
      return new ExportSummary(dataset.name(), request.format(), out, written, altered, false);
    } finally {
      deleteTree(partial);
    }
  }

  /** The stored bytes of a sample; a missing file is named with the sample it belongs to. */
  private byte[] imageOf(Sample s) throws IOException {
    try {
      return ws.images().bytes(s);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IOException("the image of sample " + s.id() + " ('" + s.originalName() + "') is missing: "
          + ws.images().path(s) + "; run `maskocr check` to list every missing image, then restore the workspace"
          + " from a backup or re-import the dataset; nothing was exported", e);
    }
  }

  /** Flushes every file of the export to disk before it gets its final name. */
  private static void fsyncTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        if (Files.isRegularFile(p)) {
          try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
            ch.force(true);
          }
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static void prepareEmpty(Path out) throws IOException {
    if (Files.exists(out)) {
      if (!Files.isDirectory(out)) {
        throw new IllegalArgumentException(out + " exists and is not a folder");
      }
      try (Stream<Path> s = Files.list(out)) {
        if (s.findAny().isPresent()) {
          throw new IllegalArgumentException(out + " is not empty: export into a new or empty folder");
        }
      }
    }
    Files.createDirectories(out.getParent());
  }
}
