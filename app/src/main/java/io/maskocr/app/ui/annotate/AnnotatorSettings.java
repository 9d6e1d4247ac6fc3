package io.maskocr.app.ui.annotate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maskocr.app.ui.section.SettingsLocation;
import io.maskocr.engine.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The annotator's name, set once and recorded with every label. Lives in {@code annotator.json}
 * next to the window settings ({@link SettingsLocation#studioFile()}), so tests that redirect
 * those settings redirect this file too.
 *
 * @param name the annotator's name; empty until set
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AnnotatorSettings(String name) {
  private static final ObjectMapper JSON = io.maskocr.engine.io.Json.mapper();

  public AnnotatorSettings {
    name = name == null ? "" : name.strip();
  }

  /** The file next to the studio settings. */
  public static Path defaultFile() {
    return SettingsLocation.beside("annotator.json");
  }

  /** Reads the file; missing or unreadable gives an empty name (never fails). */
  public static AnnotatorSettings load(Path file) {
    try {
      return Files.isRegularFile(file) ? JSON.readValue(file.toFile(), AnnotatorSettings.class)
          : new AnnotatorSettings("");
    } catch (IOException e) {
      System.err.println("maskocr: ignoring unreadable annotator settings " + file + ": " + e.getMessage());
      return new AnnotatorSettings("");
    }
  }

  /** Writes atomically. */
  public void save(Path file) throws IOException {
    AtomicFiles.writeJson(file, JSON, this);
  }
}
