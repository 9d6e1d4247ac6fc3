package io.maskocr.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.store.NewRun;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunsDiffCommandTest {
  @TempDir Path tmp;

  @Test
  void saysNothingDiffersOrListsEachDifferenceAndExitsZeroEitherWay() {
    Path dir = tmp.resolve("ws");
    String recipe = "{\"name\":\"r\",\"seed\":7,\"stages\":[{\"type\":\"mim\",\"lr\":0.001}]}";
    String prov = "{\"gitRevision\":\"" + "a".repeat(40) + "\",\"gitDirty\":false,\"cpuModel\":\"cpu\",\"cpus\":2,"
        + "\"os\":\"Linux\",\"java\":\"17\",\"sources\":[]}";
    try (Workspace w = Workspace.open(dir)) {
      w.runs().create(new NewRun("a", recipe, 7, prov, "", "", List.of(), ""));
      w.runs().create(new NewRun("b", recipe, 7, prov, "", "", List.of(), ""));
      w.runs().create(new NewRun("c", recipe.replace("0.001", "0.002"), 8, prov.replace("false", "true"), "", "",
          List.of(), ""));
    }
    CliRun same = CliRun.of("runs", "diff", "1", "2", "-w", dir.toString());
    assertEquals(0, same.exit(), same.err());
    assertEquals("runs 1 and 2: nothing differs", same.out().strip());

    CliRun differ = CliRun.of("runs", "diff", "1", "3", "-w", dir.toString());
    assertEquals(0, differ.exit(), differ.err());
    List<String> lines = differ.out().strip().lines().map(String::strip).toList();
    assertEquals(List.of("runs 1 (A) and 3 (B) differ in 3 places:",
        "recipe   stages[0].lr: 0.001 vs 0.002",
        "code     revision: " + "a".repeat(40) + " vs " + "a".repeat(40) + " (dirty)",
        "seed     seed: 7 vs 8"), lines);

    CliRun missing = CliRun.of("runs", "diff", "1", "9", "-w", dir.toString());
    assertTrue(missing.exit() != 0 && missing.err().contains("no run 9"), missing.err());
  }
}
