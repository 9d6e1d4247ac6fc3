package io.maskocr.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class BatchReadAheadTest {
  /** Records on which thread each index was read. */
  private static final class Recording implements DataSource {
    final Map<Long, String> threads = new ConcurrentHashMap<>();
    final long failAt;

    Recording(long failAt) {
      this.failAt = failAt;
    }

    @Override
    public long size() {
      return 100;
    }

    @Override
    public Sample get(long index, long variant) {
      if (variant == failAt) {
        throw new IllegalStateException("bad sample " + index);
      }
      threads.put(variant, Thread.currentThread().getName());
      return new Sample("s" + index, new float[] {index}, "x", null);
    }

    @Override
    public String describe() {
      return "recording";
    }

    @Override
    public int readAheadBatches() {
      return 2;
    }
  }

  @Test
  void batchesAreReadOnTheOneBackgroundThreadInOrder() {
    Recording src = new Recording(-1);
    BatchSampler s = new BatchSampler(List.of(src), new double[] {1}, 3, x -> true);
    List<String> ids = new ArrayList<>();
    for (long step = 0; step < 6; step++) {
      s.batch(step, 4).forEach(x -> ids.add(x.id()));
    }
    // every draw, even the first batch's, was made by the one read-ahead thread
    for (long draw = 0; draw < 24; draw++) {
      assertEquals("maskocr-read-ahead", src.threads.get(draw), "draw " + draw);
    }
    BatchSampler plain = new BatchSampler(List.of(new InMemory()), new double[] {1}, 3, x -> true);
    List<String> want = new ArrayList<>();
    for (long step = 0; step < 6; step++) {
      plain.batch(step, 4).forEach(x -> want.add(x.id()));
    }
    assertEquals(want, ids, "reading ahead does not change the order");
  }

  @Test
  void anErrorInABatchReadAheadReachesTheCaller() {
    BatchSampler s = new BatchSampler(List.of(new Recording(9)), new double[] {1}, 3, x -> true);
    s.batch(0, 4);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> s.batch(2, 4));
    assertTrue(e.getMessage().startsWith("bad sample"), e.getMessage());
  }

  /** The same 100 samples without read-ahead. */
  private static final class InMemory implements DataSource {
    @Override
    public long size() {
      return 100;
    }

    @Override
    public Sample get(long index, long variant) {
      return new Sample("s" + index, new float[] {index}, "x", null);
    }

    @Override
    public String describe() {
      return "plain";
    }
  }
}
