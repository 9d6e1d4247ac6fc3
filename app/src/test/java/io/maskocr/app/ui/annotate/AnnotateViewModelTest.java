package io.maskocr.app.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.section.StudioContext;
import io.maskocr.app.ui.task.CurrentThreadTaskExecutor;
import io.maskocr.app.ui.task.TaskExecutor;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.LabelEntry;
import io.maskocr.engine.store.LabelSource;
import io.maskocr.engine.store.LabelState;
import io.maskocr.engine.store.NewSample;
import io.maskocr.engine.store.Prediction;
import io.maskocr.engine.store.QueueItem;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.SampleQuery;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Annotate view model without a window: same-thread executor, real workspace. */
class AnnotateViewModelTest {
  @TempDir Path dir;
  private Workspace ws;
  private AnnotateViewModel vm;
  private List<Sample> samples;

  record Context(TaskExecutor executor, SimpleObjectProperty<Workspace> ws) implements StudioContext {
    @Override
    public ReadOnlyObjectProperty<Workspace> workspaceProperty() {
      return ws;
    }
  }

  @BeforeEach
  void seed() throws Exception {
    ws = Workspace.open(dir.resolve("ws"));
    Dataset d = ws.datasets().create("words");
    String[] words = {"cat", "dog", "owl", "emu", "yak"};
    List<NewSample> batch = new ArrayList<>();
    for (int i = 0; i < words.length; i++) {
      BufferedImage img = new BufferedImage(30 + i, 12, BufferedImage.TYPE_BYTE_GRAY);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "png", out);
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
      ws.images().put(sha, "png", out.toByteArray());
      batch.add(new NewSample(sha, "png", 30 + i, 12, words[i] + ".png", Split.TRAIN, i == 4 ? "yak" : null));
    }
    ws.samples().addBatch(d.id(), batch, "test");
    samples = ws.samples().page(SampleQuery.of(d.id(), 10));
    // predictions: confidence rises with the index; "dog" is misread
    String[] read = {"cat", "dug", "owl", "emu", "yak"};
    List<Prediction> p = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      p.add(new Prediction(samples.get(i).id(), "1@1", read[i], 0.1 + 0.2 * i, new float[] {0.9f, 0.5f, 0.9f}));
    }
    ws.predictions().insertBatch(p);
    new AnnotatorSettings("ana").save(dir.resolve("annotator.json"));
    vm = new AnnotateViewModel(new Context(new CurrentThreadTaskExecutor(), new SimpleObjectProperty<>(ws)),
        dir.resolve("annotator.json"));
  }

  @AfterEach
  void close() {
    vm.close();
    ws.close();
  }

  private List<String> queueTexts() {
    return vm.items().stream().map(i -> i.prediction().text()).toList();
  }

  @Test
  void opensTheUnreviewedQueueLowestConfidenceFirst() {
    assertEquals("1@1", vm.checkpointProperty().get());
    assertEquals(List.of("cat", "dug", "owl", "emu", "yak"), queueTexts());
    assertEquals("cat", vm.textProperty().get());
    assertTrue(vm.countsProperty().get().startsWith("5 in queue"), vm.countsProperty().get());
    assertEquals("ana", vm.annotatorProperty().get());
  }

  @Test
  void enterSavesWithTheAnnotatorAndMovesOnAndUndoGoesBackAcrossItems() {
    vm.save();
    vm.textProperty().set("dog");
    vm.save();
    assertEquals(2, vm.indexProperty().get());
    LabelEntry saved = ws.labels().current(samples.get(1).id()).orElseThrow();
    assertEquals(List.of("dog", "ana", LabelSource.HUMAN), List.of(saved.text(), saved.author(), saved.source()));
    assertTrue(vm.statsProperty().get().contains("1 corrected · 1 accepted"), vm.statsProperty().get());

    vm.undo();
    assertEquals(1, vm.indexProperty().get(), "undo shows the item it changed");
    assertNull(ws.samples().get(samples.get(1).id()).orElseThrow().label());
    vm.undo();
    assertEquals(0, vm.indexProperty().get());
    vm.redo();
    vm.redo();
    assertEquals("dog", ws.samples().get(samples.get(1).id()).orElseThrow().label());
    assertEquals(3, ws.labels().history(samples.get(1).id()).size(), "save, undo, redo: three appended entries");
  }

  @Test
  void restoreAndIllegibleChangeTheLabelOfTheShownItem() {
    vm.show(4); // "yak", imported label
    LabelEntry imported = vm.history().get(0);
    vm.markIllegible();
    assertNull(ws.samples().get(samples.get(4).id()).orElseThrow().label());
    vm.show(4);
    assertEquals(2, vm.history().size());
    vm.restore(imported);
    assertEquals("yak", ws.samples().get(samples.get(4).id()).orElseThrow().label());
  }

  @Test
  void filtersNarrowTheQueueAndSavesLeaveTheUnreviewedCount() {
    vm.filters().labelStateProperty().set(LabelState.LABELLED);
    assertEquals(List.of("yak"), queueTexts());
    vm.filters().labelStateProperty().set(LabelState.ANY);
    vm.filters().minConfidenceProperty().set(0.25);
    vm.filters().maxConfidenceProperty().set(0.75);
    assertEquals(List.of("dug", "owl", "emu"), queueTexts());
    vm.save();
    assertTrue(vm.countsProperty().get().contains("2 remaining to review"), vm.countsProperty().get());
    vm.filters().labelStateProperty().set(LabelState.UNREVIEWED);
    assertEquals(List.of("owl", "emu"), queueTexts());
  }

  @Test
  void exportWritesOneFolderPerSplitWithTheSavedLabels() throws Exception {
    vm.textProperty().set("kat");
    vm.save();
    Path out = dir.resolve("export");
    vm.actions().export(io.maskocr.engine.io.ImportFormat.TSV, out);
    assertTrue(java.nio.file.Files.isDirectory(out.resolve("train")), vm.messageProperty().get());
    try (var files = java.nio.file.Files.walk(out.resolve("train"))) {
      String tsv = files.filter(f -> f.toString().endsWith(".tsv")).findFirst()
          .map(f -> {
            try {
              return java.nio.file.Files.readString(f);
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          }).orElse("");
      assertTrue(tsv.contains("\tkat"), tsv);
    }
  }

  @Test
  void aLabelledItemOpensWithItsLabelAndOffersTheModelsReadingOnCtrlM() {
    // checkpoint 2@1 misreads the imported "yak" and reads the unlabelled "cat"
    ws.predictions().insertBatch(List.of(
        new Prediction(samples.get(4).id(), "2@1", "yok", 0.2, new float[] {0.9f, 0.3f, 0.9f}),
        new Prediction(samples.get(0).id(), "2@1", "cot", 0.3, new float[] {0.9f, 0.3f, 0.9f})));
    vm.reloadCheckpoints("2@1");
    assertEquals(List.of("yok", "cot"), queueTexts());

    assertEquals("yak", vm.textProperty().get(), "the current label, not the mis-reading");
    assertEquals("yok", vm.offeredReadingProperty().get());
    vm.takeModelReading();
    assertEquals("yok", vm.textProperty().get());
    vm.takeModelReading();
    assertEquals("yak", vm.textProperty().get(), "Ctrl+M again puts the label back");
    vm.save();
    assertEquals("yak", ws.samples().get(samples.get(4).id()).orElseThrow().label());

    assertEquals(1, vm.indexProperty().get());
    assertEquals("cot", vm.textProperty().get(), "an unlabelled item opens with the model's reading");
    assertNull(vm.offeredReadingProperty().get());
    vm.takeModelReading();
    assertEquals("cot", vm.textProperty().get());
  }

  @Test
  void withoutAnAnnotatorNameNothingIsSaved() {
    vm.annotatorProperty().set(" ");
    vm.save();
    assertTrue(vm.messageProperty().get().contains("annotator name"), vm.messageProperty().get());
    assertTrue(ws.labels().current(samples.get(0).id()).isEmpty());
    QueueItem first = vm.currentProperty().get();
    assertEquals("cat", first.prediction().text());
  }
}
