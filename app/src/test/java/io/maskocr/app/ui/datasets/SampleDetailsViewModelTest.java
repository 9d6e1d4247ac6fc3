package io.maskocr.app.ui.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.task.CurrentThreadTaskExecutor;
import io.maskocr.engine.io.ImportRequest;
import io.maskocr.engine.io.Importer;
import io.maskocr.engine.store.LabelSource;
import io.maskocr.engine.store.NewLabel;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.SampleQuery;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleDetailsViewModelTest {
  @TempDir Path tmp;

  @Test
  void showsFactsAndTheWholeLabelHistoryOldestFirst() throws Exception {
    try (Workspace ws = Workspace.open(tmp.resolve("ws"))) {
      Path folder = TestWorkspaces.imageFolder(tmp.resolve("signs"), List.of("exlt"));
      new Importer(ws).run(new ImportRequest(folder, "signs", null, null, "{label}.png"), null, null);
      long id = ws.samples().page(SampleQuery.of(ws.datasets().require("signs").id(), 1)).get(0).id();
      ws.labels().append(new NewLabel(id, "exit", "ana", LabelSource.HUMAN));
      Sample sample = ws.samples().get(id).orElseThrow();

      SampleDetailsViewModel vm =
          new SampleDetailsViewModel(new CurrentThreadTaskExecutor(), ws, sample, 100, 40);

      assertEquals("exit", vm.title());
      assertEquals("exlt.png · 40×20 px · png · train", vm.facts());
      assertEquals(2, vm.history().size());
      assertTrue(vm.history().get(0).contains("\"exlt\"  by import:folder (import)"),
          vm.history().get(0));
      assertTrue(vm.history().get(1).endsWith("\"exit\"  by ana (human)"), vm.history().get(1));
    }
  }

  @Test
  void aTeammatesImageComesFromTheDatabaseIntoTheLocalCache() throws Exception {
    io.maskocr.engine.store.localpg.LocalPostgres pg = io.maskocr.engine.store.localpg.LocalPostgres.shared();
    io.maskocr.engine.store.DatabaseUrl url =
        io.maskocr.engine.store.DatabaseUrl.parse(pg.url(pg.createDatabase("details"), pg.superuser()));
    try (Workspace mine = Workspace.create(tmp.resolve("mine"), url)) {
      Path folder = TestWorkspaces.imageFolder(tmp.resolve("signs"), List.of("exit"));
      new Importer(mine).run(new ImportRequest(folder, "signs", null, null, "{label}.png"), null, null);
    }
    try (Workspace theirs = Workspace.create(tmp.resolve("theirs"), url)) {
      Sample sample = theirs.samples().page(SampleQuery.of(theirs.datasets().require("signs").id(), 1)).get(0);
      assertTrue(!java.nio.file.Files.exists(theirs.images().path(sample)), "a fresh cache");
      SampleDetailsViewModel vm =
          new SampleDetailsViewModel(new CurrentThreadTaskExecutor(), theirs, sample, 100, 40);
      assertTrue(vm.imageProperty().get() != null, String.valueOf(vm.errorProperty().get()));
      assertTrue(java.nio.file.Files.exists(theirs.images().path(sample)), "now cached");
    }
  }
}
