package io.maskocr.app.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.app.ui.task.CurrentThreadTaskExecutor;
import io.maskocr.engine.store.DatabaseUrl;
import io.maskocr.engine.store.Dataset;
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
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.SimpleObjectProperty;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A label typed while the team's server is away is kept and saved, once, when it is back. */
class AnnotateServerAwayTest {
  @TempDir Path dir;

  @Test
  void theSaveWaitsForTheServerAndIsStoredOnce() throws Exception {
    try (LocalPostgres pg = LocalPostgres.start()) {
      DatabaseUrl url = DatabaseUrl.parse(pg.url(pg.createDatabase("away"), pg.superuser()));
      long sampleId;
      try (Workspace owner = Workspace.create(dir.resolve("owner"), url)) {
        Dataset d = owner.datasets().create("words");
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(30, 12, BufferedImage.TYPE_BYTE_GRAY), "png", png);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png.toByteArray()));
        owner.images().put(sha, "png", png.toByteArray());
        owner.samples().addBatch(d.id(), List.of(new NewSample(sha, "png", 30, 12, "cat.png", Split.TRAIN, null)), "t");
        Sample s = owner.samples().page(SampleQuery.of(d.id(), 1)).get(0);
        sampleId = s.id();
        owner.predictions().insertBatch(List.of(new Prediction(s.id(), "1@1", "cat", 0.2, new float[] {0.9f})));
      }
      try (Workspace ws = Workspace.create(dir.resolve("ana"), url)) {
        Path settings = dir.resolve("ana.json");
        new AnnotatorSettings("ana").save(settings);
        AnnotateViewModel ana = new AnnotateViewModel(new AnnotateViewModelTest.Context(new CurrentThreadTaskExecutor(),
            new SimpleObjectProperty<>(ws)), settings);
        List<String> said = new CopyOnWriteArrayList<>();
        ana.messageProperty().addListener((o, a, b) -> said.add(b));
        ana.textProperty().set("CAT");

        pg.stop();
        Thread back = new Thread(() -> {
          try {
            Thread.sleep(2 * LabelEditor.RETRY_MS);
            pg.restart();
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        back.start();
        ana.save(); // this executor runs the save here: it returns once the server took it
        back.join();

        assertTrue(said.stream().anyMatch(m -> m.startsWith("cannot reach PostgreSQL server")
            && m.endsWith("Your label is kept and saved as soon as the server is back.")), said.toString());
        assertEquals("CAT", ws.labels().current(sampleId).orElseThrow().text());
        assertEquals(1, ws.labels().history(sampleId).size(), "stored once");
        ana.close();
      }
    }
  }
}
