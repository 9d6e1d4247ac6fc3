package io.maskocr.engine.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.store.NewRun;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.SampleQuery;
import io.maskocr.engine.store.StoreFixtures;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code maskocr check} finds each kind of damage and names the file. */
class WorkspaceCheckTest {
  @TempDir Path dir;

  @Test
  void findsChangedAndMissingImagesAndABrokenCheckpoint() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      long ds = ws.datasets().create("d").id();
      StoreFixtures.addSamples(ws, ds, 5, "a");
      CheckReport sound = WorkspaceCheck.run(ws, null);
      assertTrue(sound.ok(), sound.problems().toString());
      assertEquals(5, sound.imagesChecked());

      List<Sample> samples = ws.samples().page(SampleQuery.of(ds, 10));
      Path changed = ws.images().path(samples.get(0));
      byte[] bytes = Files.readAllBytes(changed);
      bytes[bytes.length / 2] ^= 0x5a;
      Files.write(changed, bytes);
      Path missing = ws.images().path(samples.get(1));
      Files.delete(missing);
      long run = ws.runs().create(new NewRun("r", "{}", 1, "{}", "x", "m", List.of(), "")).id();
      Path ckpt = ws.runs().dir(run).resolve("checkpoints").resolve("000000010");
      Files.createDirectories(ckpt);
      Files.writeString(ckpt.resolve("checkpoint.json"), "{\"step\": 10}");
      Files.write(ckpt.resolve("weights.bin"), new byte[] {1, 2, 3});

      CheckReport r = WorkspaceCheck.run(ws, null);
      assertEquals(3, r.problems().size(), r.problems().toString());
      assertTrue(r.problems().stream().anyMatch(p -> p.startsWith(changed.toString()) && p.contains("does not match")));
      assertTrue(r.problems().stream().anyMatch(p -> p.startsWith(missing.toString()) && p.contains("missing")));
      assertTrue(r.problems().stream().anyMatch(p -> p.startsWith(ckpt.toString()) && p.contains("does not load")));
      assertEquals(1, r.checkpointsChecked());
    }
  }
}
