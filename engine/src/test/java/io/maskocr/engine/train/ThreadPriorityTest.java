package io.maskocr.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ThreadPriorityTest {
  /** Nice value of the calling thread as the kernel reports it. */
  private static int niceOfThisThread() {
    try {
      String stat = Files.readString(Path.of("/proc/thread-self/stat"));
      return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aBackgroundThreadAndTheThreadsItStartsRunAtNiceTenOnLinux() throws Exception {
    assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
    AtomicIntegerArray seen = new AtomicIntegerArray(4);
    Thread trainer = new Thread(() -> {
      seen.set(0, niceOfThisThread());
      seen.set(1, ThreadPriority.lowerCurrentThread());
      seen.set(2, niceOfThisThread());
      Thread child = new Thread(() -> seen.set(3, niceOfThisThread()));
      child.start();
      try {
        child.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    trainer.start();
    trainer.join();
    int expected = Math.max(ThreadPriority.BACKGROUND_NICE, seen.get(0));
    assertEquals(expected, seen.get(1), "reported nice");
    assertEquals(expected, seen.get(2), "the kernel's nice of the lowered thread");
    assertEquals(expected, seen.get(3), "a thread started afterwards inherits it (prefetch, engine)");
    assertEquals(seen.get(0), niceOfThisThread(), "other threads keep their priority");
  }
}
