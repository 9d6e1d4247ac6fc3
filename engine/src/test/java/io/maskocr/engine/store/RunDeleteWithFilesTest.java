package io.maskocr.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass
@EnumSource(Backend.class)
class RunDeleteWithFilesTest {
  @Parameter Backend backend;

  @TempDir Path dir;

  @Test
  void deletingARunWithFilesRemovesItsRowsAndItsCheckpointFolder() throws Exception {
    try (Workspace ws = backend.open(dir)) {
      RunRecord keep = ws.runs().create(new NewRun("keep", "{}", 1, "{}", "", "", List.of(), ""));
      RunRecord gone = ws.runs().create(new NewRun("gone", "{}", 1, "{}", "", "", List.of(), ""));
      Path ckpt = ws.runs().dir(gone.id()).resolve("checkpoints").resolve("000000010");
      Files.createDirectories(ckpt);
      Files.writeString(ckpt.resolve("weights.bin"), "w");
      Files.createDirectories(ws.runs().dir(keep.id()));
      ws.runs().addCheckpoint(gone.id(), "mim", 10, "runs/" + gone.id() + "/checkpoints/000000010", null);

      ws.runs().deleteWithFiles(gone.id());

      assertEquals(List.of(keep.id()), ws.runs().list().stream().map(RunRecord::id).toList());
      assertEquals(List.of(), ws.runs().checkpoints(gone.id()));
      assertFalse(Files.exists(ws.runs().dir(gone.id())));
      assertTrue(Files.isDirectory(ws.runs().dir(keep.id())));
    }
  }
}
