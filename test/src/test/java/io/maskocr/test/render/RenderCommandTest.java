package io.maskocr.test.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maskocr.app.cli.MaskocrCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code maskocr render}: the folder it writes, and its refusals. */
class RenderCommandTest {
  private static int run(StringWriter err, String... args) {
    CommandLine cli = MaskocrCli.create();
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void writesImagesLabelsBoxesAndCleanTargets(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("set");
    assertEquals(0, run(new StringWriter(), "render", "--count", "40", "--out", out.toString(), "--seed", "5",
        "--threads", "2"));
    List<String> labels = Files.readAllLines(out.resolve("labels.tsv"));
    List<String> boxes = Files.readAllLines(out.resolve("boxes.jsonl"));
    assertEquals(40, labels.size());
    assertEquals(40, boxes.size());
    ObjectMapper json = new ObjectMapper();
    for (int i = 0; i < 40; i++) {
      String[] cols = labels.get(i).split("\t");
      assertEquals(String.format("images/%08d.png", i), cols[0], "labels in index order");
      assertTrue(Files.size(out.resolve(cols[0])) > 0);
      JsonNode b = json.readTree(boxes.get(i));
      assertEquals(cols[1], b.get("text").asText());
      assertEquals(cols[1].length(), b.get("boxes").size(), "one box per character");
      assertTrue(Files.exists(out.resolve(b.get("clean").asText())));
    }
    assertTrue(json.readTree(out.resolve("render.json").toFile()).get("configSha256").asText().length() == 64);
  }

  @Test
  void refusesAFolderThatAlreadyHoldsASet(@TempDir Path dir) {
    run(new StringWriter(), "render", "--count", "3", "--out", dir.toString());
    StringWriter err = new StringWriter();
    assertEquals(1, run(err, "render", "--count", "3", "--out", dir.toString()));
    assertTrue(err.toString().contains("already holds a rendered set"), err.toString());
  }

  @Test
  void badConfigFailsWithOneLineNamingTheField(@TempDir Path dir) throws Exception {
    Path cfg = dir.resolve("c.json");
    Files.writeString(cfg, "{\n \"effects\": {\"rotation\": {\"probability\": 1, \"min\": -90, \"max\": 0}}\n}");
    StringWriter err = new StringWriter();
    assertEquals(1, run(err, "render", "--count", "3", "--out", dir.resolve("o").toString(), "--config", cfg.toString()));
    assertTrue(err.toString().contains("line 2") && err.toString().contains("rotation"), err.toString());
    assertEquals(1, err.toString().strip().lines().count());
  }
}
