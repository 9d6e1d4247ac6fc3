package io.maskocr.app.ui.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.task.CurrentThreadTaskExecutor;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.study.StudyConfig;
import io.maskocr.engine.study.StudyReport;
import io.maskocr.engine.study.StudyReportWriter;
import io.maskocr.engine.study.StudyRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Studies tab's state without a window: same-thread executor, report folders on disk. */
class StudiesViewModelTest {
  @TempDir Path dir;
  private Workspace ws;
  private StudiesViewModel vm;

  @BeforeEach
  void open() {
    ws = Workspace.open(dir.resolve("ws"));
    vm = new StudiesViewModel(new CurrentThreadTaskExecutor(), () -> ws);
  }

  @AfterEach
  void close() {
    ws.close();
  }

  /** Writes a report with one scratch row per accuracy; drops the plot (decoding it needs the FX toolkit). */
  private void writeReport(String folder, double... accuracies) throws Exception {
    StudyConfig c = new StudyConfig("words", List.of(0.1), List.of("scratch"), 2, 42, null);
    List<StudyRow> rows = new ArrayList<>();
    for (int i = 0; i < accuracies.length; i++) {
      rows.add(new StudyRow("scratch", 0.1, 30, i + 1, List.of("finetune 200"), 110, true, accuracies[i],
          accuracies[i], 0.5, 100, null));
    }
    Path out = ws.root().resolve("studies").resolve(folder);
    StudyReportWriter.write(new StudyReport(c, "test machine", 2, "maskocr study lowlabel --dataset words",
        "2026-11-25T10:00:00Z", "2026-11-25T10:10:00Z", Map.of(), 300, 100, rows), out);
    Files.deleteIfExists(out.resolve("accuracy.png"));
  }

  @Test
  void refreshListsTheReportsNewestFirstAndShowsTheSelectedOnesRows() throws Exception {
    writeReport("lowlabel-20261125-100000", 0.2, 0.3);
    writeReport("lowlabel-20261126-100000", 0.6);
    vm.refresh();
    assertEquals(List.of("lowlabel-20261126-100000", "lowlabel-20261125-100000"),
        vm.reports().stream().map(p -> p.getFileName().toString()).toList());
    assertEquals(vm.reports().get(0), vm.selectedProperty().get(), "the newest is selected");
    assertEquals(List.of(0.6), vm.rows().stream().map(StudyReports.Row::accuracy36).toList());
    assertNull(vm.plotProperty().get(), "no plot file");

    vm.selectedProperty().set(vm.reports().get(1));
    assertEquals(List.of(0.2, 0.3), vm.rows().stream().map(StudyReports.Row::accuracy36).toList());
    vm.selectedProperty().set(null);
    assertTrue(vm.rows().isEmpty());
  }

  @Test
  void aBadFormValueIsRefusedNamingTheFieldAndNothingRuns() {
    vm.datasetProperty().set("words");
    vm.fractionsProperty().set("0.1,2");
    vm.start();
    assertEquals("--fractions: each share must be in (0, 1], got 2.0", vm.messageProperty().get());
    vm.fractionsProperty().set("0.1,x");
    vm.start();
    assertEquals("labelled shares: not a number list, got '0.1,x'", vm.messageProperty().get());
    vm.fractionsProperty().set("0.1,1");
    vm.stepsProperty().set("scratch=100");
    vm.start();
    assertTrue(vm.messageProperty().get().startsWith("--steps gives no budget for recipe maskocr"),
        vm.messageProperty().get());
    assertFalse(vm.runningProperty().get());
    assertFalse(Files.exists(ws.root().resolve("studies")), "no report folder was made");
  }

  @Test
  void theRecordedCommandRunsTheSameStudyFromTheCommandLine() {
    vm.datasetProperty().set(" words ");
    vm.fractionsProperty().set("0.1, 1");
    vm.recipesProperty().set("scratch, maskocr");
    vm.minutesProperty().set("");
    vm.stepsProperty().set("200");
    vm.initsProperty().set("random,starter");
    StudyConfig cfg = vm.config();
    assertEquals(List.of("scratch", "maskocr"), cfg.recipes());
    assertEquals(0, cfg.minutesPerRun(), "steps without minutes: no time cap");
    assertEquals("maskocr study lowlabel --dataset words --fractions 0.1, 1 --recipes scratch,maskocr --steps 200"
        + " --init random,starter (from the app)", vm.command(cfg));
  }
}
