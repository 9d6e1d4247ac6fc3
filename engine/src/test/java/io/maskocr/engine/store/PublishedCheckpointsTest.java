package io.maskocr.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishedCheckpointsTest {
  @TempDir Path dir;

  @Test
  void aPublishedCheckpointReachesATeammatesFolder() throws Exception {
    String url = Backend.freshDatabase();
    CheckpointRecord ckpt;
    byte[] weights = new byte[100_000];
    new Random(1).nextBytes(weights);
    try (Workspace trainer = Workspace.create(dir.resolve("trainer"), DatabaseUrl.parse(url))) {
      RunRecord run = trainer.runs().create(new NewRun("r", "{}", 1, "{}", "", "gpu-box", List.of(), ""));
      Path folder = trainer.runs().dir(run.id()).resolve("checkpoints/10");
      Files.createDirectories(folder.resolve("sub"));
      Files.write(folder.resolve("model.params"), weights);
      Files.writeString(folder.resolve("sub/info.json"), "{\"step\":10}");
      ckpt = trainer.runs().addCheckpoint(run.id(), "finetune", 10, trainer.root().relativize(folder).toString(), "{}");
      assertTrue(trainer.published().publish(ckpt, "gpu-box") > 0);
      assertEquals(List.of(ckpt.id()), trainer.published().ofRun(run.id()));
    }
    try (Workspace mate = Workspace.create(dir.resolve("mate"), DatabaseUrl.parse(url))) {
      Path got = mate.published().fetch(mate.runs().checkpoint(ckpt.id()).orElseThrow()).orElseThrow();
      assertEquals(dir.resolve("mate").resolve(ckpt.path()), got);
      assertArrayEquals(weights, Files.readAllBytes(got.resolve("model.params")));
      assertEquals("{\"step\":10}", Files.readString(got.resolve("sub/info.json")));
      assertEquals("gpu-box", mate.runs().get(ckpt.runId()).orElseThrow().machine());
    }
  }

  @Test
  void aCheckpointOverTheLimitIsRefusedWithItsSize() throws Exception {
    try (Workspace ws = Backend.SQLITE.open(dir.resolve("s"))) {
      RunRecord run = ws.runs().create(new NewRun("r", "{}", 1, "{}", "", "m", List.of(), ""));
      Path folder = ws.runs().dir(run.id()).resolve("checkpoints/1");
      Files.createDirectories(folder);
      byte[] big = new byte[(int) PublishedCheckpoints.MAX_BYTES + 1000];
      new Random(2).nextBytes(big); // incompressible
      Files.write(folder.resolve("model.params"), big);
      CheckpointRecord ckpt = ws.runs().addCheckpoint(run.id(), "s", 1, ws.root().relativize(folder).toString(), "{}");
      StoreException e = assertThrows(StoreException.class, () -> ws.published().publish(ckpt, "m"));
      assertTrue(e.getMessage().contains("more than the 20 MB"), e.getMessage());
      assertEquals(Optional.empty(), ws.published().fetch(new CheckpointRecord(ckpt.id(), run.id(), "s", 1,
          "runs/elsewhere", "{}", ckpt.created())));
    }
  }
}
