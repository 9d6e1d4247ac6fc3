package io.maskocr.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Many annotators on one queue: leases, optimistic saves, lapsed leases (both back ends). */
@ParameterizedClass
@EnumSource(Backend.class)
class TeamQueueTest {
  @Parameter Backend backend;
  @TempDir Path dir;

  private long datasetId;

  private QueueFilter seed(Workspace ws, int n) throws Exception {
    Dataset d = ws.datasets().create("team");
    datasetId = d.id();
    List<Long> ids = StoreFixtures.addSamples(ws, d.id(), n, "s");
    List<Prediction> ps = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      ps.add(new Prediction(ids.get(i), "ck", "p" + i, (i * 37 % n) / (double) n, null));
    }
    ws.predictions().insertBatch(ps);
    return QueueFilter.all(d.id(), "ck").withLabelState(LabelState.UNREVIEWED);
  }

  @Test
  void twoAnnotatorsOnSeparateConnectionsNeverGetTheSameItem() throws Exception {
    QueueFilter filter;
    try (Workspace setup = backend.open(dir)) {
      filter = seed(setup, 60);
    }
    try (Workspace ana = backend.open(dir);
        Workspace ben = backend.open(dir)) {
      CompletableFuture<List<Long>> a = CompletableFuture.supplyAsync(() -> annotate(ana, filter, "ana"));
      CompletableFuture<List<Long>> b = CompletableFuture.supplyAsync(() -> annotate(ben, filter, "ben"));
      List<Long> byAna = a.get();
      List<Long> byBen = b.get();
      Set<Long> both = new HashSet<>(byAna);
      both.retainAll(byBen);
      assertEquals(Set.of(), both, "an item went to both annotators");
      assertEquals(60, byAna.size() + byBen.size());
      assertEquals(60, new HashSet<>(concat(byAna, byBen)).size());
      assertEquals(0, ana.predictions().queueCounts(filter).matching(), "every item was labelled once");
    }
  }

  private static List<Long> annotate(Workspace ws, QueueFilter filter, String who) {
    List<Long> got = new ArrayList<>();
    String session = who + "-session";
    QueueItem after = null;
    while (true) {
      Optional<LeasedItem> next = ws.leases().next(filter, session, after, QueueLeases.DEFAULT_TTL);
      if (next.isEmpty()) {
        return got;
      }
      QueueItem item = next.get().item();
      got.add(item.sample().id());
      long seen = next.get().seenEntryId();
      assertEquals(ws.labels().current(item.sample().id()).map(LabelEntry::id).orElse(0L), seen);
      SaveResult r = ws.labels().save(new NewLabel(item.sample().id(), "by " + who, who, LabelSource.HUMAN), seen, session);
      assertFalse(r.conflict(), "nobody else had the item");
      after = item;
    }
  }

  @Test
  void aConflictingSaveKeepsBothEntriesAndTheirsStaysCurrent() throws Exception {
    try (Workspace ws = backend.open(dir)) {
      seed(ws, 3);
      long id = ws.samples().page(SampleQuery.of(datasetId, 1)).get(0).id();
      long seen = ws.labels().current(id).orElseThrow().id(); // both loaded the imported label

      SaveResult first = ws.labels().save(new NewLabel(id, "Ana's", "ana", LabelSource.HUMAN), seen, null);
      SaveResult second = ws.labels().save(new NewLabel(id, "Ben's", "ben", LabelSource.HUMAN), seen, null);

      assertFalse(first.conflict());
      assertTrue(second.conflict());
      assertEquals(first.yours(), second.theirs());
      assertTrue(second.yours().conflict());
      assertEquals("Ana's", ws.labels().current(id).orElseThrow().text());
      assertEquals("Ana's", ws.samples().get(id).orElseThrow().label());
      assertEquals(List.of("s0", "Ana's", "Ben's"), ws.labels().history(id).stream().map(LabelEntry::text).toList());

      // Ben chooses to save his on top of Ana's
      SaveResult onTop = ws.labels().save(new NewLabel(id, "Ben's", "ben", LabelSource.HUMAN), second.theirs().id(), null);
      assertFalse(onTop.conflict());
      assertEquals("Ben's", ws.labels().current(id).orElseThrow().text());
      assertEquals(4, ws.labels().history(id).size());
    }
  }

  @Test
  void aLapsedLeaseComesBackToTheQueue() throws Exception {
    try (Workspace ws = backend.open(dir)) {
      QueueFilter filter = seed(ws, 5);
      QueueItem crashed = ws.leases().next(filter, "crashed-app", null, Duration.ofMillis(300)).orElseThrow().item();
      QueueItem other = ws.leases().next(filter, "ben", null, QueueLeases.DEFAULT_TTL).orElseThrow().item();
      assertTrue(other.sample().id() != crashed.sample().id(), "a live lease is respected");
      assertEquals(Optional.of("crashed-app"), ws.leases().holder(crashed.sample().id()));

      Thread.sleep(300 + QueueLeases.EXPIRED_CHECK_MS + 100);
      QueueItem back = ws.leases().next(filter, "ben", other, QueueLeases.DEFAULT_TTL).orElseThrow().item();
      assertEquals(crashed.sample().id(), back.sample().id(), "the lapsed item is handed out again");
      assertEquals(Optional.of("ben"), ws.leases().holder(back.sample().id()));
    }
  }

  @Test
  void aSkippedItemIsReleased() throws Exception {
    try (Workspace ws = backend.open(dir)) {
      QueueFilter filter = seed(ws, 2);
      QueueItem item = ws.leases().next(filter, "ana", null, QueueLeases.DEFAULT_TTL).orElseThrow().item();
      ws.leases().release(item.sample().id(), "ana");
      assertEquals(Optional.empty(), ws.leases().holder(item.sample().id()));
      assertTrue(ws.leases().acquire(item.sample().id(), "ben", QueueLeases.DEFAULT_TTL));
    }
  }

  private static List<Long> concat(List<Long> a, List<Long> b) {
    List<Long> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
