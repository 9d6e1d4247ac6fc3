package io.maskocr.app.ui.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javafx.beans.property.SimpleObjectProperty;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two annotators' Annotate windows on one team queue never show the same item. */
class AnnotateTeamLeaseTest {
  private static final List<String> WORDS = List.of("cat", "dog", "owl", "elk");

  @TempDir Path dir;
  private final List<Workspace> workspaces = new ArrayList<>();
  private final List<AnnotateViewModel> models = new ArrayList<>();
  private DatabaseUrl url;

  @BeforeEach
  void seed() throws Exception {
    LocalPostgres pg = LocalPostgres.shared();
    url = DatabaseUrl.parse(pg.url(pg.createDatabase("lease"), pg.superuser()));
    try (Workspace ws = Workspace.create(dir.resolve("owner"), url)) {
      Dataset d = ws.datasets().create("words");
      List<NewSample> samples = new ArrayList<>();
      for (int i = 0; i < WORDS.size(); i++) {
        byte[] png = png(20 + i);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
        ws.images().put(sha, "png", png);
        samples.add(new NewSample(sha, "png", 20 + i, 12, WORDS.get(i) + ".png", Split.TRAIN, null));
      }
      ws.samples().addBatch(d.id(), samples, "t");
      List<Prediction> p = new ArrayList<>();
      List<Sample> stored = ws.samples().page(SampleQuery.of(d.id(), 10));
      for (int i = 0; i < stored.size(); i++) {
        p.add(new Prediction(stored.get(i).id(), "1@1", WORDS.get(i), 0.1 + 0.1 * i, new float[] {0.5f}));
      }
      ws.predictions().insertBatch(p);
    }
  }

  private AnnotateViewModel open(String name) throws Exception {
    Workspace ws = Workspace.create(dir.resolve(name), url);
    workspaces.add(ws);
    Path settings = dir.resolve(name + ".json");
    new AnnotatorSettings(name).save(settings);
    AnnotateViewModel m = new AnnotateViewModel(new AnnotateViewModelTest.Context(new CurrentThreadTaskExecutor(),
        new SimpleObjectProperty<>(ws)), settings);
    models.add(m);
    return m;
  }

  @AfterEach
  void close() {
    models.forEach(AnnotateViewModel::close);
    workspaces.forEach(Workspace::close);
  }

  @Test
  void twoWindowsGetDifferentItemsAndSavingMovesToAFreeOne() throws Exception {
    AnnotateViewModel ana = open("ana");
    AnnotateViewModel ben = open("ben");
    assertNotNull(ana.currentProperty().get());
    assertNotNull(ben.currentProperty().get());
    assertNotEquals(id(ana), id(ben), "ben's window passed over the item ana holds");
    assertTrue(ben.messageProperty().get().contains("passed over"), ben.messageProperty().get());

    Map<Long, Integer> saves = new HashMap<>();
    // each saves in turn until both reach the end: no item is ever on both screens
    while (!(done(ana) && done(ben))) {
      for (AnnotateViewModel m : List.of(ana, ben)) {
        if (done(m)) {
          continue;
        }
        AnnotateViewModel other = m == ana ? ben : ana;
        if (!done(other)) {
          assertNotEquals(id(m), id(other), "both windows show one item");
        }
        saves.merge(id(m), 1, Integer::sum);
        m.textProperty().set(m.currentProperty().get().prediction().text().toUpperCase(java.util.Locale.ROOT));
        m.save();
      }
    }
    assertEquals(WORDS.size(), saves.size(), "every item was labelled: " + saves);
    assertTrue(saves.values().stream().allMatch(n -> n == 1), "no item was labelled twice: " + saves);
  }

  private static boolean done(AnnotateViewModel m) {
    return m.currentProperty().get() == null || m.exhaustedProperty().get();
  }

  @Test
  void anItemHeldByAClosedWindowComesBackWhenItsLeaseLapses() throws Exception {
    System.setProperty("maskocr.leaseMinutes", "0.01"); // 0.6 s
    try {
      AnnotateViewModel crashed = open("crashed");
      long held = id(crashed);
      AnnotateViewModel ana = open("ana");
      assertNotEquals(held, id(ana));
      Thread.sleep(1_000);
      ana.show(0);
      assertEquals(held, id(ana), "the lapsed item is offered again");
    } finally {
      System.clearProperty("maskocr.leaseMinutes");
    }
  }

  @Test
  void aReviewerChecksTeammatesLabelsAndAgreementCountsWhatWasKept() throws Exception {
    AnnotateViewModel ana = open("ana");
    for (int i = 0; i < 2; i++) { // ana labels the two least confident items
      ana.textProperty().set(ana.currentProperty().get().prediction().text());
      ana.save();
    }
    ana.close();
    models.remove(ana);

    AnnotateViewModel ben = open("ben");
    ben.filters().reviewProperty().set(true);
    assertEquals(List.of("cat", "dog"), ben.items().stream().map(q -> q.sample().label()).toList(),
        "ben's review queue holds ana's two labels");
    ben.textProperty().set("cat"); // kept
    ben.save();
    ben.textProperty().set("d0g"); // corrected
    ben.save();
    ben.filters().reviewProperty().set(false);
    assertEquals("Reviewers kept: ana 1 of 2 (50%)", ben.agreementProperty().get());
    ben.filters().reviewProperty().set(true);
    assertTrue(ben.items().isEmpty(), "checked items leave the review queue: " + ben.items());
  }

  @Test
  void aWindowAloneHasNothingPassedOver() throws Exception {
    AnnotateViewModel ana = open("ana");
    assertEquals(WORDS.get(0), ana.currentProperty().get().prediction().text());
    assertNull(ana.conflictProperty().get());
  }

  private static long id(AnnotateViewModel m) {
    return m.currentProperty().get().sample().id();
  }

  private static byte[] png(int width) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(width, 12, BufferedImage.TYPE_BYTE_GRAY), "png", out);
    return out.toByteArray();
  }
}
