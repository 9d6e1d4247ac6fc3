package io.maskocr.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.model.ModelConfig;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.SampleQuery;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.DataSpec;
import io.maskocr.engine.train.WorkspaceDataResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceStreamSourceTest {
  private static final long SEED = 42;
  private static final int BATCH = 8;

  @TempDir Path dir;

  private static BatchSampler sampler(DataSource source) {
    return new BatchSampler(List.of(source), new double[] {1}, SEED, s -> true);
  }

  private static DataSource streamed(Workspace ws, StreamOptions options, Double augment) {
    return new WorkspaceDataResolver(ws, null, options)
        .resolve(DataSpec.split("d", "train", augment), StreamFixtures.model(), SEED);
  }

  private static void assertSameBatch(List<io.maskocr.engine.data.Sample> want, List<io.maskocr.engine.data.Sample> got) {
    assertEquals(want.size(), got.size());
    for (int i = 0; i < want.size(); i++) {
      assertEquals(want.get(i).id(), got.get(i).id());
      assertEquals(want.get(i).label(), got.get(i).label());
      assertArrayEquals(want.get(i).pixels(), got.get(i).pixels(), "pixels of " + want.get(i).id());
    }
  }

  @Test
  void streamingYieldsTheBatchesOfTheInMemoryPath() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      StreamFixtures.dataset(ws);
      ModelConfig c = StreamFixtures.model();
      // the in-memory path as the resolver built it before streaming, with the seed it passed
      DataSource old = new ImageListSource("workspace dataset d split train",
          WorkspaceImages.load(ws, "d", Split.TRAIN, false), new ImagePreprocessor(c), new Augmenter(1.0), SEED);
      DataSource streamed = streamed(ws, new StreamOptions(1 << 20, 3), 1.0);
      assertEquals(StreamFixtures.TRAIN, streamed.size());
      BatchSampler a = sampler(old);
      BatchSampler b = sampler(streamed);
      for (long step = 0; step < 15; step++) { // 120 draws: more than three epochs of 37
        assertSameBatch(a.batch(step, BATCH), b.batch(step, BATCH));
      }
    }
  }

  @Test
  void theCacheStaysWithinItsBudgetAndSavesDecodes() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      StreamFixtures.dataset(ws);
      // room for about five of the 30..70 x 16 grey crops
      long budget = 5 * (50 * 16 + ImageCache.ENTRY_OVERHEAD);
      WorkspaceDataResolver small = new WorkspaceDataResolver(ws, null, new StreamOptions(budget, 2));
      BatchSampler s = sampler(small.resolve(DataSpec.split("d", "train"), StreamFixtures.model(), SEED));
      for (long step = 0; step < 20; step++) {
        s.batch(step, BATCH);
        assertTrue(small.imageCache().stats().bytes() <= budget, "cache holds " + small.imageCache().stats());
      }
      ImageCache.Stats st = small.imageCache().stats();
      assertTrue(st.peakBytes() <= budget, st.toString());
      assertTrue(st.evictions() > 0, st.toString());
      assertTrue(st.entries() <= 8, st.toString());

      WorkspaceDataResolver big = new WorkspaceDataResolver(ws, null, new StreamOptions(64 << 20, 2));
      BatchSampler all = sampler(big.resolve(DataSpec.split("d", "train"), StreamFixtures.model(), SEED));
      for (long step = 0; step < 20; step++) { // 160 draws, over four epochs
        all.batch(step, BATCH);
      }
      // every image decoded once; later epochs read memory (a racing read-ahead may decode twice)
      ImageCache.Stats st2 = big.imageCache().stats();
      assertEquals(StreamFixtures.TRAIN, st2.entries());
      assertTrue(st2.misses() < StreamFixtures.TRAIN + 5, st2.toString());
      assertTrue(st2.hits() >= 160 - StreamFixtures.TRAIN - 5, st2.toString());
    }
  }

  @Test
  void aResumedRunReadsTheSameOrderFromTheSavedStep() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      StreamFixtures.dataset(ws);
      BatchSampler first = sampler(streamed(ws, new StreamOptions(1 << 20, 4), 0.5));
      List<List<io.maskocr.engine.data.Sample>> run = new java.util.ArrayList<>();
      for (long step = 0; step < 20; step++) {
        run.add(first.batch(step, BATCH));
      }
      // a new process: new resolver, cache and sampler, starting at step 11
      BatchSampler resumed = sampler(streamed(ws, new StreamOptions(1 << 20, 4), 0.5));
      for (long step = 11; step < 20; step++) {
        assertSameBatch(run.get((int) step), resumed.batch(step, BATCH));
      }
      // a jump back (what was read ahead is discarded) still gives the batch of that step
      assertSameBatch(run.get(3), resumed.batch(3, BATCH));
      assertNotEquals(run.get(3).get(0).id() + run.get(3).get(1).id(),
          run.get(8).get(0).id() + run.get(8).get(1).id(), "epochs are shuffled differently");
    }
  }

  @Test
  void aMissingImageFileStopsWithTheSampleAndTheFile() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      Dataset d = StreamFixtures.dataset(ws);
      Sample victim = ws.samples().page(SampleQuery.of(d.id(), 100)).get(5);
      Path file = ws.images().path(victim);
      Files.delete(file);
      BatchSampler s = sampler(streamed(ws, new StreamOptions(1 << 20, 2), null));
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
        for (long step = 0; step < 5; step++) { // one epoch reads every sample
          s.batch(step, BATCH);
        }
      });
      assertTrue(e.getMessage().contains("sample d#" + victim.id()), e.getMessage());
      assertTrue(e.getMessage().contains("'img5.png'"), e.getMessage());
      assertTrue(e.getMessage().contains("missing"), e.getMessage());
      assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
  }

  @Test
  void aCorruptImageFileStopsWithTheSampleAndTheFile() throws Exception {
    try (Workspace ws = Workspace.open(dir)) {
      Dataset d = StreamFixtures.dataset(ws);
      Sample victim = ws.samples().page(SampleQuery.of(d.id(), 100)).get(9);
      Path file = ws.images().path(victim);
      byte[] bytes = Files.readAllBytes(file);
      Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 3)); // a truncated write
      BatchSampler s = sampler(streamed(ws, new StreamOptions(1 << 20, 2), null));
      IllegalStateException e = assertThrows(IllegalStateException.class, () -> {
        for (long step = 0; step < 5; step++) {
          s.batch(step, BATCH);
        }
      });
      assertTrue(e.getMessage().contains("sample d#" + victim.id() + " 'img9.png'"), e.getMessage());
      assertTrue(e.getMessage().contains("cannot be decoded"), e.getMessage());
      assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
  }
}
