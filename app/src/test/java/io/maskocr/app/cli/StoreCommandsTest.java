package io.maskocr.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StoreCommandsTest {
  @TempDir Path tmp;

  private Path folder() throws Exception {
    Path src = tmp.resolve("src");
    Files.createDirectories(src);
    String[] labels = {"alpha", "beta", "伽马"};
    for (int i = 0; i < labels.length; i++) {
      BufferedImage img = new BufferedImage(20 + i, 8, BufferedImage.TYPE_BYTE_GRAY);
      ImageIO.write(img, "png", src.resolve(labels[i] + "_" + i + ".png").toFile());
    }
    Files.writeString(src.resolve("broken.png"), "not really a png");
    return src;
  }

  @Test
  void importListExportAndInfoWorkTogether() throws Exception {
    String ws = tmp.resolve("ws").toString();
    CliRun imp = CliRun.of("import", folder().toString(), "--dataset", "words", "--label-pattern", "{label}_*.png",
        "--split", "val", "--workspace", ws);
    assertEquals(1, imp.exit(), "a skipped file makes the import exit 1 so scripts notice; " + imp.err());
    assertTrue(imp.out().contains("imported 3, duplicates 0, skipped 1"), imp.out());
    assertTrue(imp.err().contains("skipped broken.png"), imp.err());
    assertTrue(imp.err().contains("maskocr import: 1 skipped"), imp.err());

    CliRun list = CliRun.of("datasets", "-w", ws);
    assertEquals(0, list.exit());
    assertTrue(list.out().matches("(?s).*words\\s+3\\s+3\\s+0\\s+3\\s+0.*"), list.out());

    Path out = tmp.resolve("exported");
    CliRun exp = CliRun.of("export", "--dataset", "words", "--format", "jsonl", "--out", out.toString(), "-w", ws);
    assertEquals(0, exp.exit(), exp.err());
    assertEquals(3, Files.readAllLines(out.resolve("labels.jsonl")).size());
    assertTrue(Files.readString(out.resolve("labels.jsonl")).contains("伽马"));

    CliRun info = CliRun.of("info", "-w", ws);
    assertEquals(0, info.exit());
    assertTrue(info.out().contains("schema version:"), info.out());
    assertTrue(info.out().matches("(?s).*samples:\\s+3\\n.*"), info.out());
    assertTrue(info.out().contains("cores:"));
    assertTrue(info.out().matches("(?s).*code:\\s+([0-9a-f]{40}( \\(dirty\\))?|unknown) \\(taken when.*"), info.out());
  }

  @Test
  void failuresExitNonZeroWithOneLineReasons() throws Exception {
    String ws = tmp.resolve("ws").toString();
    CliRun missing = CliRun.of("import", tmp.resolve("nope").toString(), "--dataset", "d", "-w", ws);
    assertEquals(1, missing.exit());
    assertEquals(1, missing.err().strip().lines().count(), missing.err());
    assertTrue(missing.err().startsWith("maskocr import: import source"), missing.err());

    CliRun badSplit = CliRun.of("import", folder().toString(), "--dataset", "d", "--split", "dev", "-w", ws);
    assertEquals(1, badSplit.exit());
    assertTrue(badSplit.err().contains("use train, val or test"), badSplit.err());

    CliRun unknown = CliRun.of("export", "--dataset", "ghost", "--out", tmp.resolve("o").toString(), "-w", ws);
    assertEquals(1, unknown.exit());
    assertTrue(unknown.err().contains("no dataset named 'ghost'"), unknown.err());

    CliRun badFormat = CliRun.of("export", "--dataset", "ghost", "--format", "csv", "--out", "x", "-w", ws);
    assertEquals(1, badFormat.exit());
    assertTrue(badFormat.err().contains("use folder, tsv, lmdb or jsonl"), badFormat.err());

    CliRun noDataset = CliRun.of("import", folder().toString(), "-w", ws);
    assertEquals(2, noDataset.exit(), "picocli usage error");
    assertTrue(noDataset.err().contains("--dataset"), noDataset.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"import", "export", "datasets", "info"})
  void everyCommandHasHelp(String command) {
    CliRun help = CliRun.of(command, "--help");
    assertEquals(0, help.exit());
    assertTrue(help.out().contains("Usage: maskocr " + command), help.out());
  }

  @Test
  void benchStorePrintsOneJsonObjectLast() throws Exception {
    CliRun bench = CliRun.of("bench", "store", "--samples", "300", "--predictions", "3000", "--queries", "20", "--json");
    assertEquals(0, bench.exit(), bench.err());
    JsonNode r = new ObjectMapper().readTree(bench.lastLine());
    assertEquals(300, r.get("imported").asLong());
    assertEquals(3000, r.get("prediction_rows").asLong());
    assertTrue(r.get("import_per_s").asDouble() > 0);
    assertTrue(r.get("queue_query_p95_ms").asDouble() > 0);
  }
}
