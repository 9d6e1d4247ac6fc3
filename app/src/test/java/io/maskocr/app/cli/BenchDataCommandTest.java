package io.maskocr.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchDataCommandTest {
  @TempDir Path dir;

  @Test
  void benchDataBuildsOnceThenStreamsAndPrintsTheFiguresLast() throws Exception {
    String ws = dir.resolve("ws").toString();
    String[] args = {"bench", "data", "--size", "2000", "--distinct", "700", "--dir", ws,
        "--batches", "10", "--warmup", "2", "--json"};
    CliRun first = CliRun.of(args);
    assertEquals(0, first.exit(), first.err());
    JsonNode r = new ObjectMapper().readTree(first.lastLine());
    assertEquals(2000, r.get("samples").asInt());
    assertEquals(700, r.get("image_files").asInt());
    assertEquals(false, r.get("workspace_reused").asBoolean());
    assertTrue(r.get("data").asText().contains("(2000 images, streamed)"), r.toString());
    assertTrue(r.get("images_per_s").asDouble() > 0, r.toString());
    assertTrue(r.get("peak_rss_mb").asDouble() > 0, r.toString());

    CliRun second = CliRun.of(args);
    assertEquals(0, second.exit(), second.err());
    assertTrue(new ObjectMapper().readTree(second.lastLine()).get("workspace_reused").asBoolean());
  }

  @Test
  void aFolderOfSomethingElseIsNeverCleared() throws Exception {
    Path other = Files.createDirectories(dir.resolve("mine"));
    Files.writeString(other.resolve("notes.txt"), "keep me");
    CliRun r = CliRun.of("bench", "data", "--size", "100", "--dir", other.toString(), "--json");
    assertNotEquals(0, r.exit());
    assertTrue(r.err().contains("holds no bench data workspace"), r.err());
    assertTrue(Files.exists(other.resolve("notes.txt")));
  }
}
