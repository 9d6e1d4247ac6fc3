package io.maskocr.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ChunkSizeTest {
  @Test
  void chunksAimAtAQuarterSecondWithinBounds() {
    assertEquals(1000, Importer.nextChunkSize(64, 6_400_000L, 1000), "100 us crops: full batches");
    assertEquals(25, Importer.nextChunkSize(64, 640_000_000L, 1000), "10 ms photos: 25 per chunk");
    assertEquals(4, Importer.nextChunkSize(4, 8_000_000_000L, 1000), "2 s images: the minimum");
    assertEquals(10, Importer.nextChunkSize(10, 1_000L, 10), "never above the batch size");
    assertEquals(1000, Importer.nextChunkSize(0, 0L, 1000), "an empty chunk says nothing");
  }
}
