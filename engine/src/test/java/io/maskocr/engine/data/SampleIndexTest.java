package io.maskocr.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SampleIndexTest {
  private static String sha(int i) {
    byte[] b = new byte[32];
    for (int k = 0; k < 32; k++) {
      b[k] = (byte) (i * 31 + k);
    }
    return HexFormat.of().formatHex(b);
  }

  @Test
  void everyFieldReadsBackPastTheBuildersGrowth() {
    SampleIndex.Builder b = new SampleIndex.Builder();
    int n = 5000; // several doublings of the 1024-sample start
    for (int i = 0; i < n; i++) {
      String label = i % 7 == 0 ? null : i % 5 == 0 ? "" : "wörd" + i + "\t東京";
      b.add(1000L + i, i < 3000 ? "a" : "b", sha(i), i % 2 == 0 ? "png" : "jpg", label);
    }
    SampleIndex idx = b.build();
    assertEquals(n, idx.size());
    for (int i = 0; i < n; i++) {
      assertEquals(1000L + i, idx.sampleId(i));
      assertEquals(i < 3000 ? "a" : "b", idx.dataset(i));
      assertEquals((i < 3000 ? "a" : "b") + "#" + (1000 + i), idx.name(i));
      assertEquals(sha(i), idx.sha256(i));
      assertEquals(i % 2 == 0 ? "png" : "jpg", idx.format(i));
      if (i % 7 == 0) {
        assertNull(idx.label(i), "unlabeled stays null, not empty");
      } else {
        assertEquals(i % 5 == 0 ? "" : "wörd" + i + "\t東京", idx.label(i));
      }
    }
  }
}
