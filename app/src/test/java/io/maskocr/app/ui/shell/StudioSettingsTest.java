package io.maskocr.app.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudioSettingsTest {
  @TempDir Path dir;

  @Test
  void boundsAndLastWorkspaceSurviveARestart() {
    Path file = dir.resolve("nested/studio.json");
    SettingsFile first = new SettingsFile(file);
    first.update(s -> s.withBounds(10, 20, 900, 600, false));
    first.update(s -> s.withLastWorkspace(Path.of("/data/ws1")));

    StudioSettings reloaded = new SettingsFile(file).get();
    assertEquals(new StudioSettings(10, 20, 900, 600, false, "/data/ws1"), reloaded);
  }

  @Test
  void aMissingFileGivesDefaults() {
    StudioSettings s = StudioSettings.load(dir.resolve("none.json"));
    assertEquals(StudioSettings.defaults(), s);
    assertNull(s.lastWorkspace());
  }

  @Test
  void aCorruptFileGivesDefaultsInsteadOfFailingTheStart() throws Exception {
    Path file = dir.resolve("studio.json");
    Files.writeString(file, "{\"width\": 900, \"height\": ");
    assertEquals(StudioSettings.defaults(), StudioSettings.load(file));
  }

  @Test
  void aTinyWindowIsNotRestoredButTheWorkspaceIs() throws Exception {
    Path file = dir.resolve("studio.json");
    new StudioSettings(0, 0, 20, 10, false, "/w").save(file);
    StudioSettings s = StudioSettings.load(file);
    assertEquals(StudioSettings.defaults().width(), s.width());
    assertEquals("/w", s.lastWorkspace());
  }
}
