package io.maskocr.engine.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The resident memory of this whole process (heap, native buffers, thread stacks, mapped
 * files), read from Linux's {@code /proc/self/status}; the JVM's own counters see the heap only.
 */
public final class PeakRss {
  private static final Path STATUS = Path.of("/proc/self/status");
  private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

  private PeakRss() {}

  /** Peak resident set size in MiB ({@code VmHWM}), or -1 where /proc is not there. */
  public static double peakMb() {
    return field("VmHWM:");
  }

  /** Current resident set size in MiB ({@code VmRSS}), or -1 where /proc is not there. */
  public static double currentMb() {
    return field("VmRSS:");
  }

  /**
   * Restarts the peak from the current size (Linux 4.0+, writing 5 to {@code clear_refs}), so a
   * benchmark can measure one phase after another in the same process.
   *
   * @return false when the kernel refused; the peak then still counts from the start
   */
  public static boolean reset() {
    try {
      Files.writeString(CLEAR_REFS, "5");
      return true;
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  private static double field(String name) {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith(name)) {
          String kb = line.substring(name.length()).trim().split("\\s+")[0];
          return Math.round(Long.parseLong(kb) / 1024.0 * 10) / 10.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux, or /proc hidden: the figure is unknown, which -1 says
    }
    return -1;
  }
}
