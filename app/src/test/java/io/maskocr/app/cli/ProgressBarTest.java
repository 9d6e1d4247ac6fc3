package io.maskocr.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  @Test
  void rendersFractionCountsRateAndEta() {
    ProgressBar bar = new ProgressBar(System.err, "importing", true);
    String line = bar.render(250, 1000, 2.0, "3 skipped");
    assertEquals("importing [######..................]  25% 250/1,000  125/s  ETA 6s  3 skipped", line);
    assertTrue(bar.render(42, -1, 1.0, null).startsWith("importing 42  42/s"));
    assertEquals("2m05s", ProgressBar.duration(125));
    assertEquals("1h01m", ProgressBar.duration(3660));
  }

  @Test
  void drawsInPlaceOnlyWhenInteractiveAndEndsTheLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), "x", true)) {
      bar.update(1, 2);
      bar.update(2, 2); // the final state is always drawn
    }
    String s = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(s.startsWith("\rx ["), s);
    assertTrue(s.contains("100% 2/2"), s);
    assertTrue(s.endsWith(System.lineSeparator()), s);

    ByteArrayOutputStream quiet = new ByteArrayOutputStream();
    try (ProgressBar bar = new ProgressBar(new PrintStream(quiet), "x", false)) {
      bar.update(1, 2);
    }
    assertEquals(0, quiet.size());
  }
}
