package io.maskocr.test.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.viewers.grid.ThumbnailCache;
import io.maskocr.viewers.grid.ThumbnailDecoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.Image;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

/** Thumbnail decoding and the LRU cache (needs the FX toolkit for images, hence TestFX). */
@ExtendWith(ApplicationExtension.class)
class ThumbnailCacheTest {
  @TempDir Path tmp;

  /** Runs submitted work only when told: a decode pool we can hold back. */
  private static final class HeldPool extends AbstractExecutorService {
    final List<Runnable> queued = new ArrayList<>();

    @Override
    public void execute(Runnable r) {
      queued.add(r);
    }

    void runAll() {
      List<Runnable> now = new ArrayList<>(queued);
      queued.clear();
      now.forEach(Runnable::run);
    }

    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
      return List.of();
    }

    @Override
    public boolean isShutdown() {
      return false;
    }

    @Override
    public boolean isTerminated() {
      return false;
    }

    @Override
    public boolean awaitTermination(long t, TimeUnit u) {
      return true;
    }
  }

  private final Image broken = new WritableImage(3, 3);
  private final HeldPool pool = new HeldPool();
  private final List<Image> got = new ArrayList<>();

  /** A cache of 60x20 thumbnails whose UI callbacks run on the calling thread. */
  private ThumbnailCache cache(int capacity) {
    return new ThumbnailCache(capacity, new ThumbnailDecoder(60, 20), pool, Runnable::run, broken);
  }

  private Path firstWord() throws Exception {
    return words(1).resolve(WordImages.WORDS.get(0) + ".png");
  }

  private Path words(int n) throws Exception {
    return WordImages.write(tmp.resolve("w"), WordImages.WORDS.subList(0, n), 1);
  }

  @Test
  void decodesToFitTheBoxKeepingTheAspectRatio() throws Exception {
    Path dir = words(1);
    Path file = dir.resolve(WordImages.WORDS.get(0) + ".png");
    java.awt.image.BufferedImage src = javax.imageio.ImageIO.read(file.toFile());
    WritableImage thumb = new ThumbnailDecoder(60, 20).decode(file);
    assertTrue(thumb.getWidth() <= 60 && thumb.getHeight() <= 20);
    double srcRatio = (double) src.getWidth() / src.getHeight();
    assertEquals(srcRatio, thumb.getWidth() / thumb.getHeight(), 0.15);
  }

  @Test
  void requestsForOneKeyShareOneDecodeAndTheResultIsCached() throws Exception {
    Path file = firstWord();
    ThumbnailCache cache = cache(10);
    cache.request("k", file, got::add);
    cache.request("k", file, got::add);
    assertEquals(1, pool.queued.size());
    pool.runAll();
    assertEquals(2, got.size());
    assertSame(got.get(0), got.get(1));
    cache.request("k", file, got::add); // now a hit: delivered at once
    assertEquals(3, got.size());
    assertTrue(pool.queued.isEmpty());
  }

  @Test
  void aCancelledRequestIsNeverDecoded() throws Exception {
    Path file = firstWord();
    ThumbnailCache cache = cache(10);
    cache.request("k", file, got::add).cancel(); // the cell scrolled away
    pool.runAll();
    assertTrue(got.isEmpty());
    assertNull(cache.cached("k"));
  }

  @Test
  void theLeastRecentlyUsedThumbnailIsEvictedAndBrokenFilesAreNotCached() throws Exception {
    Path dir = words(3);
    ThumbnailCache cache = cache(2);
    for (int i = 0; i < 3; i++) {
      cache.request("k" + i, dir.resolve(WordImages.WORDS.get(i) + ".png"), img -> {});
      pool.runAll();
    }
    assertNull(cache.cached("k0"));
    assertNotNull(cache.cached("k2"));
    Path junk = Files.writeString(tmp.resolve("junk.png"), "not an image");
    cache.request("junk", junk, got::add);
    pool.runAll();
    assertSame(broken, got.get(0));
    assertNull(cache.cached("junk"));
  }

  @Test
  void decodeThroughput() throws Exception {
    Path dir = words(WordImages.WORDS.size());
    ThumbnailDecoder decoder = new ThumbnailDecoder(140, 50);
    List<Path> files = new ArrayList<>();
    for (String w : WordImages.WORDS) {
      files.add(dir.resolve(w + ".png"));
    }
    for (Path f : files) {
      decoder.decode(f); // warm up
    }
    int n = 0;
    long t0 = System.nanoTime();
    while (System.nanoTime() - t0 < 1_000_000_000L) {
      decoder.decode(files.get(n++ % files.size()));
    }
    double perSecond = n / ((System.nanoTime() - t0) / 1e9);
    System.out.printf(Locale.ROOT, "thumbnail decode: %.0f thumbnails/s on one thread%n", perSecond);
    assertTrue(perSecond > 50, "decoding is far too slow: " + perSecond + "/s");
  }
}
