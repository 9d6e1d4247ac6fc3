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
    ProgressBar bar = new ProgressBar(System.err, "importing", ProgressBar.Mode.IN_PLACE);
    String line = bar.render(250, 1000, 2.0, "3 skipped");
    assertEquals("importing [######..................]  25% 250/1,000  125/s  ETA 6s  3 skipped", line);
    assertTrue(bar.render(42, -1, 1.0, null).startsWith("importing 42  42/s"));
    assertEquals("2m05s", ProgressBar.duration(125));
    assertEquals("1h01m", ProgressBar.duration(3660));
  }

  @Test
  void drawsInPlaceOnATerminalAndEndsTheLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), "x", ProgressBar.Mode.IN_PLACE)) {
      bar.update(1, 2);
      bar.update(2, 2); // the final state is always drawn
    }
    String s = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(s.startsWith("\rx ["), s);
    assertTrue(s.contains("100% 2/2"), s);
    assertTrue(s.endsWith(System.lineSeparator()), s);

    ByteArrayOutputStream quiet = new ByteArrayOutputStream();
    try (ProgressBar bar = new ProgressBar(new PrintStream(quiet), "x", ProgressBar.Mode.OFF)) {
      bar.update(1, 2);
    }
    assertEquals(0, quiet.size());
  }

  @Test
  void printsOneWholeLinePerTenthWhenNotOnATerminal() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), "eval",
        ProgressBar.Mode.LINES)) {
      for (int done = 64; done < 1347; done += 64) {
        bar.update(done, 1347);
      }
      bar.update(1347, 1347);
    }
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split(System.lineSeparator());
    // The first batch, then the first batch past each further tenth, then 100%.
    assertEquals(11, lines.length, String.join("|", lines));
    for (String l : lines) {
      assertTrue(l.startsWith("eval [") && !l.contains("\r"), l);
    }
    assertTrue(lines[0].contains("  4% 64/1,347"), lines[0]);
    assertTrue(lines[1].contains(" 14% 192/1,347"), lines[1]);
    assertTrue(lines[10].contains("100% 1,347/1,347"), lines[10]);
  }
}
