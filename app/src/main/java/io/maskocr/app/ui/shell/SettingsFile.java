package io.maskocr.app.ui.shell;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * The settings file as a thread-safe holder: the workspace opener (a worker thread) and the
 * window (at exit) both update it, each change is written through at once.
 */
public final class SettingsFile {
  private final Path file;
  private StudioSettings current;

  public SettingsFile(Path file) {
    this.file = file;
    this.current = StudioSettings.load(file);
  }

  public synchronized StudioSettings get() {
    return current;
  }

  /** Applies {@code change} and saves; a failed save is reported, never thrown. */
  public synchronized void update(UnaryOperator<StudioSettings> change) {
    current = change.apply(current);
    try {
      current.save(file);
    } catch (IOException e) {
      System.err.println("maskocr: cannot save settings to " + file + ": " + e.getMessage());
    }
  }

  public Path path() {
    return file;
  }
}
