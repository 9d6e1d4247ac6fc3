package io.maskocr.engine.train;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not a test: writes the checkpoint fixture when asked with
 * {@code -Dmaskocr.writeFixtures=<engine/src/test/resources>}, unless it is there already.
 */
class WriteStoredCheckpoints {
  @Test
  @EnabledIfSystemProperty(named = "maskocr.writeFixtures", matches = ".+")
  void write(@TempDir Path scratch) throws Exception {
    Path dir = Path.of(System.getProperty("maskocr.writeFixtures")).resolve(StoredCheckpoints.FOLDER);
    if (!Files.exists(dir)) {
      StoredCheckpoints.write(dir, scratch);
    }
  }
}
