package io.maskocr.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

@ParameterizedClass
@EnumSource(Backend.class)
class ConcurrentReadTest {
  @Parameter Backend backend;

  @TempDir Path dir;

  @Test
  void readersSeeTheLastCommitAndAreNotBlockedByAnOpenWriteBatch() throws Exception {
    try (Workspace ws = backend.open(dir)) {
      Dataset d = ws.datasets().create("d");
      StoreFixtures.addSamples(ws, d.id(), 10, "a");
      SampleQuery all = SampleQuery.of(d.id(), 100);

      CountDownLatch insideBatch = new CountDownLatch(1);
      CountDownLatch mayCommit = new CountDownLatch(1);
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () ->
                  WorkspaceTestAccess.db(ws)
                      .write(
                          c -> {
                            try (var s = c.createStatement()) {
                              s.executeUpdate("DELETE FROM samples WHERE dataset_id = " + d.id());
                            }
                            insideBatch.countDown();
                            try {
                              mayCommit.await(10, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                              throw new IllegalStateException(e);
                            }
                            return null;
                          }));
      assertTrue(insideBatch.await(10, TimeUnit.SECONDS));

      long t0 = System.nanoTime();
      long during = CompletableFuture.supplyAsync(() -> ws.samples().count(all)).get(5, TimeUnit.SECONDS);
      long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
      assertEquals(10, during, "the uncommitted delete is invisible to readers");
      assertTrue(ms < 2000, "reader waited " + ms + " ms for the writer");

      mayCommit.countDown();
      writer.get(10, TimeUnit.SECONDS);
      assertEquals(0, ws.samples().count(all));
    }
  }

  @Test
  void theWriterCommitsWhileAReaderHoldsASnapshot() throws Exception {
    try (Workspace ws = backend.open(dir)) {
      Dataset d = ws.datasets().create("d");
      StoreFixtures.addSamples(ws, d.id(), 3, "a");
      long seenInside =
          WorkspaceTestAccess.db(ws)
              .read(
                  c -> {
                    long before = count(c, d.id());
                    // a write batch from another thread completes while this read is open
                    try {
                      CompletableFuture.runAsync(
                              () -> {
                                try {
                                  StoreFixtures.addSamples(ws, d.id(), 2, "b");
                                } catch (java.io.IOException e) {
                                  throw new java.io.UncheckedIOException(e);
                                }
                              })
                          .get(5, TimeUnit.SECONDS);
                    } catch (Exception e) {
                      throw new IllegalStateException("the writer was blocked by the reader", e);
                    }
                    assertEquals(before, count(c, d.id()), "a snapshot does not change under the reader");
                    return before;
                  });
      assertEquals(3, seenInside);
      assertEquals(5, ws.samples().count(SampleQuery.of(d.id(), 1)));
    }
  }

  private static long count(java.sql.Connection c, long datasetId) throws java.sql.SQLException {
    try (var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM samples WHERE dataset_id = " + datasetId)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Reaches the package-private connection holder. */
  static final class WorkspaceTestAccess {
    static Db db(Workspace ws) {
      try {
        return WorkspaceTest.dbOf(ws);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
