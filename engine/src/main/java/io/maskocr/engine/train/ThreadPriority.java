package io.maskocr.engine.train;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lowers the CPU priority of the calling thread, so that an interactive UI sharing the cores
 * preempts it at once. Java thread priorities are ignored on Linux, so there the thread's nice
 * value is raised through libc (allowed without privileges; threads it starts later inherit it).
 * Elsewhere {@link Thread#setPriority} is used, which Windows and macOS honour.
 */
final class ThreadPriority {
  /** Nice value of a background trainer: the UI gets about ten times its CPU share when both run. */
  static final int BACKGROUND_NICE = 10;
  private static final int PRIO_PROCESS = 0;

  /** The libc call used; on Linux PRIO_PROCESS with a thread id changes that one thread. */
  private interface LibC extends Library {
    int setpriority(int which, int who, int prio);
  }

  private ThreadPriority() {}

  /**
   * Makes the calling thread a background thread.
   *
   * @return the nice value set on Linux, or -1 where only the Java priority was lowered
   */
  static int lowerCurrentThread() {
    Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      return -1;
    }
    try {
      // "/proc/thread-self" links to "<pid>/task/<tid>" of the reading thread.
      Path self = Files.readSymbolicLink(Path.of("/proc/thread-self"));
      int tid = Integer.parseInt(self.getFileName().toString());
      int nice = Math.max(BACKGROUND_NICE, currentNice());
      LibC c = Native.load("c", LibC.class);
      return c.setpriority(PRIO_PROCESS, tid, nice) == 0 ? nice : -1;
    } catch (Exception | LinkageError e) {
      // No procfs or no libc binding: the trainer simply keeps the normal priority.
      return -1;
    }
  }

  /** Field 19 of /proc/thread-self/stat (after the parenthesized command name). */
  private static int currentNice() throws java.io.IOException {
    String stat = Files.readString(Path.of("/proc/thread-self/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Integer.parseInt(f[16]);
  }
}
