package io.maskocr.engine.learn;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.maskocr.engine.AtomicFiles;
import io.maskocr.engine.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Keeps {@link LearnProgress} in {@code learn.json} at the workspace root, so the walk-through
 * resumes where the student left it in that workspace. Writes are atomic (temp file + move).
 */
public final class LearnProgressFile {
  /** File name inside the workspace folder. */
  public static final String NAME = "learn.json";

  private static final ObjectMapper JSON = Json.mapper();
  private final Path file;

  /** The progress file of the workspace folder {@code workspaceRoot}. */
  public LearnProgressFile(Path workspaceRoot) {
    this.file = workspaceRoot.resolve(NAME);
  }

  public Path path() {
    return file;
  }

  /** The saved progress; a missing or unreadable file gives {@link LearnProgress#start()}. */
  public LearnProgress load() {
    if (!Files.isRegularFile(file)) {
      return LearnProgress.start();
    }
    try {
      return JSON.readValue(file.toFile(), LearnProgress.class);
    } catch (IOException e) {
      System.err.println("maskocr: ignoring unreadable " + file + " (Learn restarts at step 1): " + e.getMessage());
      return LearnProgress.start();
    }
  }

  /** Saves {@code progress}; a failed save is reported as IOException naming the file. */
  public void save(LearnProgress progress) throws IOException {
    try {
      AtomicFiles.writeJson(file, JSON, progress);
    } catch (IOException e) {
      throw new IOException("cannot save Learn progress to " + file + ": " + e.getMessage(), e);
    }
  }
}
