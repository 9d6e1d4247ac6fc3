package io.maskocr.app.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.task.CurrentThreadTaskExecutor;
import io.maskocr.engine.store.DatabaseUrl;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.LabelEntry;
import io.maskocr.engine.store.NewSample;
import io.maskocr.engine.store.Prediction;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.SampleQuery;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.store.localpg.LocalPostgres;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two annotators' Annotate view models on one team database: a save that comes second asks.
 * (Leases keep two windows off one item; here they lapse at once, as a forgotten one would.)
 */
class AnnotateTeamConflictTest {
  @TempDir Path dir;
  private Workspace anaWs;
  private Workspace benWs;
  private AnnotateViewModel ana;
  private AnnotateViewModel ben;
  private long sampleId;

  @BeforeEach
  void seed() throws Exception {
    LocalPostgres pg = LocalPostgres.shared();
    DatabaseUrl url = DatabaseUrl.parse(pg.url(pg.createDatabase("annotate"), pg.superuser()));
    try (Workspace ws = Workspace.create(dir.resolve("owner"), url)) {
      Dataset d = ws.datasets().create("words");
      BufferedImage img = new BufferedImage(30, 12, BufferedImage.TYPE_BYTE_GRAY);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "png", out);
      String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
      ws.images().put(sha, "png", out.toByteArray());
      ws.samples().addBatch(d.id(), List.of(new NewSample(sha, "png", 30, 12, "cat.png", Split.TRAIN, null)), "t");
      Sample s = ws.samples().page(SampleQuery.of(d.id(), 1)).get(0);
      sampleId = s.id();
      ws.predictions().insertBatch(List.of(new Prediction(s.id(), "1@1", "cat", 0.2, new float[] {0.9f})));
    }
    // leases that lapse at once: both windows get the item, as after a teammate's lease ran out
    System.setProperty("maskocr.leaseMinutes", "0");
    anaWs = Workspace.create(dir.resolve("ana"), url);
    benWs = Workspace.create(dir.resolve("ben"), url);
    ana = viewModel(anaWs, "ana");
    ben = viewModel(benWs, "ben");
  }

  private AnnotateViewModel viewModel(Workspace ws, String name) throws Exception {
    Path settings = dir.resolve(name + ".json");
    new AnnotatorSettings(name).save(settings);
    return new AnnotateViewModel(new AnnotateViewModelTest.Context(new CurrentThreadTaskExecutor(),
        new SimpleObjectProperty<>(ws)), settings);
  }

  @AfterEach
  void close() {
    System.clearProperty("maskocr.leaseMinutes");
    ana.close();
    ben.close();
    anaWs.close();
    benWs.close();
  }

  @Test
  void theSecondSaveAsksAndKeepingTheirsLeavesBothInTheHistory() {
    assertEquals("cat", ana.textProperty().get());
    assertEquals("cat", ben.textProperty().get()); // both have the item on screen
    ben.textProperty().set("CAT");
    ben.save();
    ana.textProperty().set("cot");
    ana.save();

    assertNotNull(ana.conflictProperty().get());
    assertTrue(ana.messageProperty().get().startsWith("'ben' saved \"CAT\""), ana.messageProperty().get());
    assertEquals("CAT", anaWs.labels().current(sampleId).orElseThrow().text(), "theirs stays the label");

    ana.keepTheirs();
    assertNull(ana.conflictProperty().get());
    assertEquals("CAT", anaWs.labels().current(sampleId).orElseThrow().text());
    List<LabelEntry> h = anaWs.labels().history(sampleId);
    assertEquals(List.of("CAT", "cot"), h.stream().map(LabelEntry::text).toList());
    assertTrue(h.get(1).conflict());
  }

  @Test
  void savingMineOnTopMakesItTheLabel() {
    ben.textProperty().set("CAT");
    ben.save();
    ana.textProperty().set("cot");
    ana.save();
    ana.saveMineOnTop();
    assertNull(ana.conflictProperty().get());
    assertEquals("cot", anaWs.labels().current(sampleId).orElseThrow().text());
    assertEquals(3, anaWs.labels().history(sampleId).size());
  }
}
