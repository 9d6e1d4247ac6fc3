package io.maskocr.app.ui.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.task.CurrentThreadTaskExecutor;
import io.maskocr.engine.io.ImportFormat;
import io.maskocr.engine.io.ImportSummary;
import io.maskocr.engine.io.Importer;
import io.maskocr.engine.store.SampleQuery;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImportViewModelTest {
  @TempDir Path tmp;
  private Workspace ws;
  private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
  private final List<ImportSummary> reported = new ArrayList<>();

  @BeforeEach
  void open() {
    ws = Workspace.open(tmp.resolve("ws"));
  }

  @AfterEach
  void close() {
    ws.close();
  }

  private ImportViewModel model(ImportRunner runner) {
    return new ImportViewModel(executor, () -> ws, runner, reported::add);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "-", value = {
      "/data/street-words       | street-words",
      "/data/gt/labels.tsv      | labels",
      "/data/train.jsonl        | train",
      "''                       | ''"})
  void theDatasetNameDefaultsToTheSourceName(String source, String expected) {
    ImportViewModel vm = model(Importers.engine());
    vm.sourceProperty().set(source);
    assertEquals(expected, vm.datasetNameProperty().get());
  }

  @Test
  void anEditedNameIsKeptWhenTheSourceChanges() {
    ImportViewModel vm = model(Importers.engine());
    vm.sourceProperty().set("/data/a");
    vm.datasetNameProperty().set("mine");
    vm.sourceProperty().set("/data/b");
    assertEquals("mine", vm.datasetNameProperty().get());
  }

  @Test
  void cannotStartWithoutSourceOrName() {
    ImportViewModel vm = model(Importers.engine());
    assertFalse(vm.canStartBinding().get());
    vm.sourceProperty().set("/data/a");
    assertTrue(vm.canStartBinding().get());
    vm.datasetNameProperty().set(" ");
    assertFalse(vm.canStartBinding().get());
  }

  @Test
  void importsAFolderWithLabelsFromFileNamesIntoTheChosenSplit() throws Exception {
    Path folder = TestWorkspaces.imageFolder(tmp.resolve("signs"), List.of("stop", "exit", "open"));
    ImportViewModel vm = model(Importers.engine());
    vm.sourceProperty().set(folder.toString());
    vm.formatProperty().set(ImportFormat.FOLDER);
    vm.splitProperty().set(Split.VAL);
    vm.labelPatternProperty().set("{label}.png");
    vm.start();

    assertFalse(vm.runningProperty().get());
    assertTrue(vm.doneProperty().get());
    assertEquals("Done: imported 3, duplicates 0, skipped 0", vm.statusProperty().get());
    assertEquals(1.0, vm.progressProperty().get());
    assertEquals(1, reported.size());
    long id = ws.datasets().require("signs").id();
    assertEquals(3, ws.samples().count(SampleQuery.of(id, 10).withSplit(Split.VAL)));
    assertEquals(1, ws.samples().count(SampleQuery.of(id, 10).withLabelSearch("exit")));
  }

  @Test
  void skippedFilesAreNamedWithTheirReason() throws Exception {
    Path folder = TestWorkspaces.imageFolder(tmp.resolve("mixed"), List.of("good"));
    java.nio.file.Files.writeString(folder.resolve("broken.png"), "not a png");
    ImportViewModel vm = model(Importers.engine());
    vm.sourceProperty().set(folder.toString());
    vm.start();
    String status = vm.statusProperty().get();
    assertTrue(status.startsWith("Done: imported 1, duplicates 0, skipped 1"), status);
    assertTrue(status.contains("\n  broken.png: "), status);
  }

  @Test
  void aMissingSourceFailsWithTheEngineMessage() {
    ImportViewModel vm = model(Importers.engine());
    vm.sourceProperty().set(tmp.resolve("nowhere").toString());
    vm.start();
    assertTrue(vm.failedProperty().get());
    assertTrue(vm.statusProperty().get().startsWith("Import failed: "), vm.statusProperty().get());
    assertTrue(vm.statusProperty().get().contains("nowhere"), vm.statusProperty().get());
    assertTrue(reported.isEmpty());
  }

  @Test
  void cancellingStopsBetweenBatchesAndReportsWhatWasCommitted() throws Exception {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      names.add("w" + i);
    }
    Path folder = TestWorkspaces.imageFolder(tmp.resolve("many"), names);
    ImportViewModel[] self = new ImportViewModel[1];
    // Batches of 5, one thread: the user presses Cancel after the first committed batch.
    ImportRunner runner = (w, request, listener, cancelled) ->
        new Importer(w, io.maskocr.engine.io.ImageLimits.DEFAULT, 1, 5).run(request, p -> {
          listener.progress(p);
          self[0].cancel();
        }, cancelled);
    self[0] = model(runner);
    self[0].sourceProperty().set(folder.toString());
    self[0].start();

    assertTrue(self[0].statusProperty().get().startsWith("Cancelled: imported "),
        self[0].statusProperty().get());
    long stored = ws.samples().count(SampleQuery.of(ws.datasets().require("many").id(), 10));
    assertTrue(stored > 0 && stored < 30, "stored " + stored);
    assertEquals(stored, reported.get(0).imported());
  }
}
