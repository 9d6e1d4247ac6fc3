package io.maskocr.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file is replaced whole or left as it was, with no temporary file behind. */
class AtomicFilesTest {
  @TempDir Path tmp;

  @Test
  void aWriteReplacesTheFileAndCreatesItsFolder() throws IOException {
    Path f = tmp.resolve("a/b/settings.json");
    AtomicFiles.write(f, "one".getBytes(StandardCharsets.UTF_8));
    AtomicFiles.write(f, "two".getBytes(StandardCharsets.UTF_8));
    assertEquals("two", Files.readString(f));
    assertFalse(Files.exists(f.resolveSibling("settings.json.tmp")));
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryOne() throws IOException {
    Path f = tmp.resolve("weights.bin");
    Files.writeString(f, "old");
    IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, t -> {
      Files.writeString(t, "half of the ne");
      throw new IOException("disk full");
    }));
    assertEquals("disk full", e.getMessage());
    assertEquals("old", Files.readString(f));
    assertFalse(Files.exists(tmp.resolve("weights.bin.tmp")));
  }

  @Test
  void aCrashLeftoverDoesNotStopTheNextWrite() throws IOException {
    Path f = tmp.resolve("copy.db");
    Files.writeString(tmp.resolve("copy.db.tmp"), "left by a crash");
    AtomicFiles.write(f, t -> {
      if (Files.exists(t)) {
        throw new IOException("the writer refuses an existing file, as SQLite's VACUUM INTO does");
      }
      Files.writeString(t, "new");
    });
    assertEquals("new", Files.readString(f));
  }
}
