package io.maskocr.test.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.render.RenderProvenance;
import io.maskocr.app.ui.render.WorkspaceSampleSink;
import io.maskocr.engine.store.DatasetStats;
import io.maskocr.engine.store.Workspace;
import io.maskocr.renderer.ParallelRenderer;
import io.maskocr.renderer.RenderedSample;
import io.maskocr.renderer.RendererAssets;
import io.maskocr.renderer.SampleRenderer;
import io.maskocr.renderer.config.StyleConfig;
import io.maskocr.renderer.config.StyleConfigIO;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Add N samples to a workspace dataset" stores images and labels in a real workspace. */
class WorkspaceSampleSinkTest {
  @Test
  void storesRenderedSamplesWithTheirLabels(@TempDir Path dir) throws Exception {
    SampleRenderer r = new SampleRenderer(StyleConfig.defaults(), RendererAssets.load(RenderPreviewTest.repo()), 128, 32, 3);
    List<RenderedSample> samples;
    try (ParallelRenderer p = new ParallelRenderer(r, 2)) {
      samples = p.batch(0, 50);
    }
    RenderProvenance prov = new RenderProvenance(StyleConfigIO.toJson(r.config()), StyleConfigIO.hash(r.config()), 3, 128, 32);
    try (Workspace ws = Workspace.open(dir.resolve("ws"))) {
      WorkspaceSampleSink sink = new WorkspaceSampleSink(() -> ws);
      sink.add("synthetic", samples.subList(0, 30), prov);
      sink.add("synthetic", samples.subList(30, 50), prov);
      sink.add("synthetic", samples.subList(0, 10), prov); // same images again: duplicates, not stored twice
      DatasetStats stats = ws.datasets().stats(ws.datasets().require("synthetic").id());
      assertEquals(50, stats.samples());
      assertEquals(50, stats.labeled());
      assertEquals(50, stats.train());
    }
    WorkspaceSampleSink none = new WorkspaceSampleSink(() -> null);
    assertTrue(assertThrows(IllegalStateException.class, () -> none.add("x", samples, prov))
        .getMessage().contains("no workspace is open"));
  }
}
