package io.maskocr.app.ui.section;

import java.nio.file.Path;

/** Where the app keeps its per-user settings files ({@code -Dmaskocr.settings=FILE} moves them, for tests). */
public final class SettingsLocation {
  private SettingsLocation() {}

  /** The studio settings file; other settings files live beside it. */
  public static Path studioFile() {
    String override = System.getProperty("maskocr.settings");
    if (override != null && !override.isBlank()) {
      return Path.of(override);
    }
    return Path.of(System.getProperty("user.home"), ".maskocr", "studio.json");
  }

  /** A settings file named {@code name} beside the studio settings. */
  public static Path beside(String name) {
    return studioFile().toAbsolutePath().resolveSibling(name);
  }
}
