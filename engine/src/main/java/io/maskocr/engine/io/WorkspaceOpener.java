package io.maskocr.engine.io;

import io.maskocr.engine.MaskocrHome;
import io.maskocr.engine.store.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Opens workspaces the way the CLI and the app do: the default workspace
 * ({@link Workspace#defaultDir()}) is seeded on first use with every
 * {@code samples/datasets/<name>/labels.tsv} of the installation, one dataset per folder.
 */
public final class WorkspaceOpener {
  private WorkspaceOpener() {}

  /**
   * Opens (creating when missing) the workspace in {@code dir}; a brand-new default workspace
   * is seeded from the installation's samples.
   */
  public static Workspace open(Path dir) {
    Workspace ws = Workspace.open(dir);
    if (ws.isNew() && ws.root().equals(Workspace.defaultDir().toAbsolutePath().normalize())) {
      try {
        seed(ws, MaskocrHome.samples().resolve("datasets"));
      } catch (IOException | RuntimeException e) {
        // a workspace without sample data is still a working workspace
        System.err.println("maskocr: could not seed the default workspace from samples/: " + e.getMessage());
      }
    }
    return ws;
  }

  /**
   * Imports every {@code <datasetsDir>/<name>/labels.tsv} as dataset {@code <name>} (skipping
   * names that already exist). Missing {@code datasetsDir} seeds nothing.
   *
   * @return one summary per imported dataset
   */
  public static List<ImportSummary> seed(Workspace ws, Path datasetsDir) throws IOException {
    List<ImportSummary> out = new ArrayList<>();
    if (!Files.isDirectory(datasetsDir)) {
      return out;
    }
    List<Path> folders;
    try (Stream<Path> list = Files.list(datasetsDir)) {
      folders = list.filter(p -> Files.isRegularFile(p.resolve("labels.tsv"))).sorted().toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    Importer importer = new Importer(ws);
    for (Path folder : folders) {
      String name = folder.getFileName().toString();
      if (ws.datasets().find(name).isPresent()) {
        continue;
      }
      ws.datasets().getOrCreate(name); // one dataset per folder, even for an empty list
      out.add(
          importer.run(
              new ImportRequest(folder.resolve("labels.tsv"), name, ImportFormat.TSV, null, null),
              ImportListener.NONE,
              null));
    }
    return out;
  }
}
