package io.maskocr.app.ui.shell;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maskocr.engine.AtomicFiles;
import io.maskocr.engine.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the window remembers between sessions: its bounds and the last workspace. Stored as a
 * small JSON file ({@code ~/.maskocr/studio.json}, or the file named by system property
 * {@code maskocr.settings}, which tests use so they never touch the user's home).
 *
 * @param x window left edge, NaN when never saved
 * @param y window top edge, NaN when never saved
 * @param width window width
 * @param height window height
 * @param maximized whether the window was maximized
 * @param lastWorkspace absolute path of the last opened workspace, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StudioSettings(
    double x, double y, double width, double height, boolean maximized, String lastWorkspace) {

  private static final ObjectMapper JSON = Json.pretty();

  /** First-run defaults: a window that fits a 1280x800 screen, no last workspace. */
  public static StudioSettings defaults() {
    return new StudioSettings(Double.NaN, Double.NaN, 1200, 760, false, null);
  }

  public StudioSettings withBounds(double x, double y, double width, double height, boolean max) {
    return new StudioSettings(x, y, width, height, max, lastWorkspace);
  }

  public StudioSettings withLastWorkspace(Path workspace) {
    return new StudioSettings(x, y, width, height, maximized, workspace.toString());
  }

  /** The file the settings live in. */
  public static Path defaultFile() {
    return io.maskocr.app.ui.section.SettingsLocation.studioFile();
  }

  /** Reads the settings; a missing or unreadable file gives the defaults (never fails). */
  public static StudioSettings load(Path file) {
    if (!Files.isRegularFile(file)) {
      return defaults();
    }
    try {
      StudioSettings s = JSON.readValue(file.toFile(), StudioSettings.class);
      return s.width() > 100 && s.height() > 100 ? s : defaults().withLastOf(s);
    } catch (IOException e) {
      String why = e instanceof com.fasterxml.jackson.core.JsonProcessingException j
          ? j.getOriginalMessage() : e.getMessage();
      System.err.println("maskocr: ignoring unreadable settings " + file + ": " + why);
      return defaults();
    }
  }

  private StudioSettings withLastOf(StudioSettings other) {
    return new StudioSettings(x, y, width, height, maximized, other.lastWorkspace());
  }

  /** Writes atomically (temp file + move), so a crash never leaves half a file. */
  public void save(Path file) throws IOException {
    AtomicFiles.writeJson(file, JSON, this);
  }
}
