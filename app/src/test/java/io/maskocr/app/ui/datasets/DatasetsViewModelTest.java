package io.maskocr.app.ui.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.task.CurrentThreadTaskExecutor;
import io.maskocr.engine.io.ImportRequest;
import io.maskocr.engine.io.Importer;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Datasets view model on a real workspace, without a Stage. */
class DatasetsViewModelTest {
  @TempDir Path tmp;
  private Workspace ws;
  private final CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();

  private static final List<String> WORDS = List.of(
      "apple", "apricot", "banana", "cherry", "grape", "grapefruit", "lemon", "lime", "mango",
      "melon", "orange", "peach", "pear", "plum", "kiwi");

  @BeforeEach
  void openWorkspace() throws Exception {
    ws = Workspace.open(tmp.resolve("ws"));
    Path fruit = TestWorkspaces.imageFolder(tmp.resolve("fruit"), WORDS);
    new Importer(ws).run(new ImportRequest(fruit, "fruit", null, Split.TRAIN, "{label}.png"),
        null, null);
    Path few = TestWorkspaces.imageFolder(tmp.resolve("few"), List.of("one", "two"));
    new Importer(ws).run(new ImportRequest(few, "few", null, Split.TEST, "{label}.png"), null, null);
  }

  @AfterEach
  void close() {
    ws.close();
  }

  private DatasetsViewModel model() {
    return new DatasetsViewModel(new TestWorkspaces.Context(executor, ws));
  }

  private static List<String> labels(DatasetsViewModel vm) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < vm.sampleCountProperty().get(); i++) {
      Sample s = vm.samples().at(i);
      if (s == null) {
        s = vm.samples().at(i); // first call loads the page (synchronously here)
      }
      out.add(s.label());
    }
    return out;
  }

  @Test
  void listsDatasetsByNameWithCountsAndSelectsTheFirst() {
    DatasetsViewModel vm = model();
    assertEquals(List.of("few", "fruit"), vm.datasets().stream().map(DatasetItem::name).toList());
    DatasetItem fruit = vm.datasets().get(1);
    assertEquals("15 samples · 15 labeled", fruit.countsLine());
    assertEquals("train 15 · val 0 · test 0", fruit.splitsLine());
    assertEquals("few", vm.selectedProperty().get().name());
    assertEquals(2, vm.sampleCountProperty().get());
    assertEquals("2 samples", vm.summaryProperty().get());
  }

  @Test
  void selectingADatasetShowsItsSamples() {
    DatasetsViewModel vm = model();
    vm.selectedProperty().set(vm.datasets().get(1));
    assertEquals(15, vm.sampleCountProperty().get());
    assertEquals(WORDS.stream().sorted().toList(), labels(vm).stream().sorted().toList());
  }

  @Test
  void searchFiltersByLabelSubstringAndAnEmptySearchShowsAllAgain() {
    DatasetsViewModel vm = model();
    vm.selectedProperty().set(vm.datasets().get(1));
    vm.searchTextProperty().set("grape");
    assertEquals(List.of("grape", "grapefruit"), labels(vm).stream().sorted().toList());
    assertEquals("2 samples matching \"grape\"", vm.summaryProperty().get());
    vm.searchTextProperty().set("  ");
    assertEquals(15, vm.sampleCountProperty().get());
    vm.searchTextProperty().set("no such fruit");
    assertEquals(0, vm.sampleCountProperty().get());
  }

  @Test
  void assigningASplitToSelectedSamplesMovesThemAndUpdatesTheCounts() {
    DatasetsViewModel vm = model();
    vm.selectedProperty().set(vm.datasets().get(1));
    labels(vm); // pages in memory, as after scrolling
    vm.assignSplit(new int[] {0, 2, 4}, false, Split.VAL);
    assertEquals("train 12 · val 3 · test 0", vm.selectedProperty().get().splitsLine());
    vm.splitFilterProperty().set(Split.VAL);
    assertEquals(3, vm.sampleCountProperty().get());
    assertEquals("3 samples in val", vm.summaryProperty().get());
  }

  @Test
  void assigningASplitResolvesIndicesWhosePagesWereNeverLoaded() {
    DatasetsViewModel vm = model();
    vm.selectedProperty().set(vm.datasets().get(1));
    vm.assignSplit(new int[] {13, 14}, false, Split.TEST); // nothing scrolled into view yet
    assertEquals("train 13 · val 0 · test 2", vm.selectedProperty().get().splitsLine());
  }

  @Test
  void selectAllAppliesTheSplitToTheWholeFilteredQuery() {
    DatasetsViewModel vm = model();
    vm.selectedProperty().set(vm.datasets().get(1));
    vm.searchTextProperty().set("an"); // banana, mango, orange
    int n = vm.sampleCountProperty().get();
    vm.assignSplit(IntStream.range(0, n).toArray(), true, Split.TEST);
    assertEquals("train 12 · val 0 · test 3", vm.selectedProperty().get().splitsLine());
  }

  @Test
  void reloadAfterImportSelectsTheImportedDataset() throws Exception {
    DatasetsViewModel vm = model();
    Path more = TestWorkspaces.imageFolder(tmp.resolve("more"), List.of("x1", "x2", "x3"));
    new Importer(ws).run(new ImportRequest(more, "more", null, null, null), null, null);
    vm.reloadDatasets("more");
    assertEquals("more", vm.selectedProperty().get().name());
    assertEquals(3, vm.sampleCountProperty().get());
  }

  @Test
  void switchingWorkspaceForgetsTheOldDatasets() {
    TestWorkspaces.Context ctx = new TestWorkspaces.Context(executor, ws);
    DatasetsViewModel vm = new DatasetsViewModel(ctx);
    try (Workspace empty = Workspace.open(tmp.resolve("empty"))) {
      ctx.ws().set(empty);
      assertTrue(vm.datasets().isEmpty());
      assertNull(vm.selectedProperty().get());
      assertEquals(0, vm.sampleCountProperty().get());
      assertEquals("No datasets yet", vm.summaryProperty().get());
    }
  }
}
