package io.maskocr.app.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress bar for long CLI work:
 * {@code importing [#########.........]  45% 45,000/100,000  6,210/s  ETA 9s}.
 *
 * <p>On a terminal it is one line redrawn in place with {@code \r}, at most every 100 ms. When
 * the output goes to a file or pipe ({@link Mode#LINES}) it prints whole lines instead, one per
 * 10% done (every 10 s when the total is unknown), so logs stay short and readable. Calling
 * {@link #update} per item is cheap. Thread-safe. Use with try-with-resources:
 *
 * <pre>{@code
 * try (ProgressBar bar = ProgressBar.onStderr("rendering")) {
 *   for (...) bar.update(done, total);
 * }
 * }</pre>
 */
public final class ProgressBar implements AutoCloseable {
  /** How progress is shown. */
  public enum Mode {
    /** One line redrawn in place (a terminal). */
    IN_PLACE,
    /** Whole lines, one per 10% (a log file or pipe). */
    LINES,
    /** Nothing. */
    OFF
  }

  private static final int WIDTH = 24;
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final long UNKNOWN_TOTAL_LINE_NANOS = 10_000_000_000L;

  private final PrintStream out;
  private final String task;
  private final Mode mode;
  private final long startNanos = System.nanoTime();
  private long lastDraw;
  private int lastLength;
  private boolean drawn;
  private long lastTenth = -1;

  /**
   * @param out where to draw (usually {@code System.err}, keeping stdout for results)
   * @param task short label shown first
   * @param mode in place, whole lines, or off
   */
  public ProgressBar(PrintStream out, String task, Mode mode) {
    this.out = out;
    this.task = task;
    this.mode = mode;
  }

  /** A bar on stderr: in place on a terminal, whole lines when stderr is redirected. */
  public static ProgressBar onStderr(String task) {
    return new ProgressBar(System.err, task, System.console() != null ? Mode.IN_PLACE : Mode.LINES);
  }

  /** Reports progress; {@code total <= 0} means unknown (no bar, no ETA). */
  public synchronized void update(long done, long total) {
    update(done, total, null);
  }

  /** Reports progress with a short trailing note (e.g. {@code "12 skipped"}). */
  public synchronized void update(long done, long total, String note) {
    if (mode == Mode.OFF) {
      return;
    }
    long now = System.nanoTime();
    if (mode == Mode.LINES) {
      printLine(done, total, note, now);
      return;
    }
    boolean finished = total > 0 && done >= total;
    if (drawn && !finished && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    String line = render(done, total, (now - startNanos) / 1e9, note);
    int pad = Math.max(0, lastLength - line.length());
    out.print("\r" + line + " ".repeat(pad));
    out.flush();
    lastLength = line.length();
    drawn = true;
  }

  /** One whole line when a new tenth is reached (or every 10 s without a total). */
  private void printLine(long done, long total, String note, long now) {
    if (total > 0) {
      long tenth = Math.min(10, done * 10 / total);
      if (tenth <= lastTenth) {
        return;
      }
      lastTenth = tenth;
    } else if (drawn && now - lastDraw < UNKNOWN_TOTAL_LINE_NANOS) {
      return;
    }
    lastDraw = now;
    drawn = true;
    out.println(render(done, total, (now - startNanos) / 1e9, note));
    out.flush();
  }

  /** The text of the bar; package-private for tests. */
  String render(long done, long total, double seconds, String note) {
    StringBuilder b = new StringBuilder(task).append(' ');
    double rate = seconds > 0 ? done / seconds : 0;
    if (total > 0) {
      double f = Math.min(1.0, done / (double) total);
      int full = (int) Math.round(f * WIDTH);
      b.append('[').append("#".repeat(full)).append(".".repeat(WIDTH - full)).append("] ");
      b.append(String.format(Locale.ROOT, "%3d%% %,d/%,d", (int) Math.floor(f * 100), done, total));
    } else {
      b.append(String.format(Locale.ROOT, "%,d", done));
    }
    if (rate > 0) {
      b.append(String.format(Locale.ROOT, "  %,.0f/s", rate));
      if (total > 0 && done < total) {
        b.append("  ETA ").append(duration((total - done) / rate));
      }
    }
    if (note != null && !note.isEmpty()) {
      b.append("  ").append(note);
    }
    return b.toString();
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s < 60) {
      return s + "s";
    }
    if (s < 3600) {
      return (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
    }
    return (s / 3600) + "h" + String.format(Locale.ROOT, "%02d", s % 3600 / 60) + "m";
  }

  /** Ends the in-place line so following output starts on a fresh one. */
  @Override
  public synchronized void close() {
    if (mode == Mode.IN_PLACE && drawn) {
      out.println();
      out.flush();
    }
  }
}
