package io.maskocr.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.MaskocrHome;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default workspace is created on first use and seeded from the installation's samples. */
class DefaultWorkspaceSeedTest {
  @TempDir Path home;

  @Test
  void firstOpenOfTheDefaultWorkspaceImportsEverySampleDataset() throws Exception {
    List<String> expected;
    try (Stream<Path> dirs = Files.list(MaskocrHome.samples().resolve("datasets"))) {
      expected = dirs.filter(d -> Files.isRegularFile(d.resolve("labels.tsv")))
          .map(d -> d.getFileName().toString()).sorted().toList();
    }
    String saved = System.getProperty("user.home");
    System.setProperty("user.home", home.toString());
    try {
      try (Workspace ws = WorkspaceOpener.open(Workspace.defaultDir())) {
        assertTrue(ws.isNew());
        assertEquals(expected, ws.datasets().list().stream().map(Dataset::name).toList());
        for (Dataset d : ws.datasets().list()) {
          assertTrue(ws.datasets().stats(d.id()).samples() > 0, d.name() + " is empty");
        }
      }
      // an ordinary folder is never seeded
      try (Workspace other = WorkspaceOpener.open(home.resolve("elsewhere"))) {
        assertEquals(List.of(), other.datasets().list());
      }
    } finally {
      System.setProperty("user.home", saved);
    }
  }
}
