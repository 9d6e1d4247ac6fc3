package io.maskocr.engine.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.store.Backend;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.LabelEntry;
import io.maskocr.engine.store.LabelKind;
import io.maskocr.engine.store.LabelState;
import io.maskocr.engine.store.Prediction;
import io.maskocr.engine.store.QueueFilter;
import io.maskocr.engine.store.QueueItem;
import io.maskocr.engine.store.QueueLeases;
import io.maskocr.engine.store.SaveResult;
import io.maskocr.engine.store.StoreFixtures;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two annotators' sessions on separate connections to one team database. */
class TeamQueueSessionTest {
  @TempDir Path dir;

  private QueueFilter seed(int n) throws Exception {
    try (Workspace ws = Backend.POSTGRESQL.open(dir)) {
      Dataset d = ws.datasets().create("d");
      List<Long> ids = StoreFixtures.addSamples(ws, d.id(), n, "s");
      List<Prediction> ps = new ArrayList<>();
      for (long id : ids) {
        ps.add(new Prediction(id, "ck", "p", (id % 7) / 7.0, null));
      }
      ws.predictions().insertBatch(ps);
      return QueueFilter.all(d.id(), "ck").withLabelState(LabelState.UNREVIEWED);
    }
  }

  @Test
  void twoSessionsTakingTurnsNeverShowTheSameItem() throws Exception {
    QueueFilter filter = seed(12);
    try (Workspace a = Workspace.open(dir);
        Workspace b = Workspace.open(dir)) {
      TeamQueueSession ana = new TeamQueueSession(a, "ana", filter, QueueLeases.DEFAULT_TTL);
      TeamQueueSession ben = new TeamQueueSession(b, "ben", filter, QueueLeases.DEFAULT_TTL);
      Set<Long> shown = new HashSet<>();
      for (int round = 0; round < 6; round++) {
        // both have an item on screen at the same time
        QueueItem x = ana.next().orElseThrow();
        QueueItem y = ben.next().orElseThrow();
        assertNotEquals(x.sample().id(), y.sample().id());
        assertTrue(shown.add(x.sample().id()) && shown.add(y.sample().id()), "shown twice");
        assertFalse(ana.save("a" + round, LabelKind.TEXT).conflict());
        assertFalse(ben.save("b" + round, LabelKind.TEXT).conflict());
      }
      assertTrue(ana.next().isEmpty());
      assertEquals(12, shown.size());
    }
  }

  @Test
  void aConflictOffersKeepTheirsOrSaveOnTop() throws Exception {
    QueueFilter filter = seed(1);
    try (Workspace a = Workspace.open(dir);
        Workspace b = Workspace.open(dir)) {
      TeamQueueSession ana = new TeamQueueSession(a, "ana", filter, java.time.Duration.ofMillis(1));
      QueueItem item = ana.next().orElseThrow();
      Thread.sleep(600); // Ana's lease lapses while she types (a long coffee break)
      TeamQueueSession ben = new TeamQueueSession(b, "ben", filter, QueueLeases.DEFAULT_TTL);
      assertEquals(item.sample().id(), ben.next().orElseThrow().sample().id(), "the lapsed item came back");
      assertFalse(ben.save("Ben's", LabelKind.TEXT).conflict());

      SaveResult clash = ana.save("Ana's", LabelKind.TEXT);
      assertTrue(clash.conflict());
      assertEquals("Ben's", clash.theirs().text());
      assertThrows(IllegalStateException.class, ana::next, "the choice comes first");
      assertEquals("Ben's", ana.keepTheirs().text());
      assertEquals("Ben's", a.labels().current(item.sample().id()).orElseThrow().text());
      List<String> history = a.labels().history(item.sample().id()).stream().map(LabelEntry::text).toList();
      assertEquals(List.of("s0", "Ben's", "Ana's"), history, "both entries are kept");
    }
  }

  @Test
  void savingOnTopMakesTheLaterLabelCurrent() throws Exception {
    QueueFilter filter = seed(1);
    try (Workspace a = Workspace.open(dir)) {
      TeamQueueSession ana = new TeamQueueSession(a, "ana", filter, QueueLeases.DEFAULT_TTL);
      long id = ana.next().orElseThrow().sample().id();
      long seen = a.labels().current(id).orElseThrow().id();
      a.labels().save(new io.maskocr.engine.store.NewLabel(id, "someone", "cy",
          io.maskocr.engine.store.LabelSource.HUMAN), seen, null);
      assertTrue(ana.save("mine", LabelKind.TEXT).conflict());
      SaveResult onTop = ana.saveOnTop();
      assertFalse(onTop.conflict());
      assertEquals("mine", a.labels().current(id).orElseThrow().text());
      assertEquals(4, a.labels().history(id).size());
    }
  }
}
