package io.maskocr.engine.store;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: writes the workspace fixtures when asked with
 * {@code -Dmaskocr.writeFixtures=<engine/src/test/resources>} (only a fixture that is not there
 * yet; stored fixtures are never rewritten).
 */
class WriteStoredWorkspaces {
  @Test
  @EnabledIfSystemProperty(named = "maskocr.writeFixtures", matches = ".+")
  void write() throws Exception {
    Path resources = Path.of(System.getProperty("maskocr.writeFixtures"));
    Path current = resources.resolve(StoredWorkspaces.folder(Migrations.latestVersion()));
    if (!Files.exists(current)) {
      StoredWorkspaces.writeCurrent(current);
    }
    Path v3 = resources.resolve(StoredWorkspaces.folder(3));
    if (!Files.exists(v3)) {
      StoredWorkspaces.writeVersion3(v3);
    }
  }
}
