package io.maskocr.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass
@EnumSource(Backend.class)
class RunsTest {
  @Parameter Backend backend;

  @TempDir Path dir;

  @Test
  void aRunKeepsItsProvenanceStatusTimesMetricsAndCheckpoints() {
    try (Workspace ws = backend.open(dir)) {
      RunRecord r =
          ws.runs()
              .create(new NewRun("tiny", "{\"stages\":[]}", 42, "{\"datasets\":[1]}", "abc123", "jdk17 linux",
                  List.of("cpu", "mim"), "first try"));
      assertEquals(RunStatus.CREATED, r.status());
      assertNull(r.started());
      ws.runs().setStatus(r.id(), RunStatus.RUNNING);
      ws.runs().setStatus(r.id(), RunStatus.PAUSED);
      ws.runs().setStatus(r.id(), RunStatus.RUNNING);
      ws.runs().setStatus(r.id(), RunStatus.COMPLETED);
      RunRecord done = ws.runs().get(r.id()).orElseThrow();
      assertNotNull(done.started());
      assertNotNull(done.finished());
      assertEquals(List.of("cpu", "mim"), done.tags());
      assertEquals(42, done.seed());
      assertEquals("{\"datasets\":[1]}", done.provenanceJson());

      ws.runs().addMetrics(List.of(
          new MetricPoint(r.id(), "mim", 1, "loss", 2.0),
          new MetricPoint(r.id(), "mim", 2, "loss", 1.5),
          new MetricPoint(r.id(), "mim", 2, "lr", 1e-3)));
      assertEquals(List.of(2.0, 1.5), ws.runs().metrics(r.id(), "loss").stream().map(MetricPoint::value).toList());
      assertEquals(3, ws.runs().metrics(r.id(), null).size());

      CheckpointRecord c = ws.runs().addCheckpoint(r.id(), "mim", 2, "runs/1/mim-2", "{\"loss\":1.5}");
      assertEquals(List.of(c), ws.runs().checkpoints(r.id()));
      assertEquals(c, ws.runs().checkpoint(c.id()).orElseThrow());
      assertEquals(dir.toAbsolutePath().resolve("runs").resolve(Long.toString(r.id())), ws.runs().dir(r.id()));

      ws.runs().annotate(r.id(), "renamed", List.of(), "n");
      assertEquals("renamed", ws.runs().get(r.id()).orElseThrow().name());
      ws.runs().delete(r.id());
      assertEquals(List.of(), ws.runs().list());
      assertEquals(List.of(), ws.runs().metrics(r.id(), null));
      assertThrows(StoreException.class, () -> ws.runs().setStatus(r.id(), RunStatus.FAILED));
    }
  }
}
