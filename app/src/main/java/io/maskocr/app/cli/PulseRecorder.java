package io.maskocr.app.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import javafx.animation.AnimationTimer;

/**
 * Records, for every JavaFX pulse, the time since the previous one and the CPU time the FX
 * thread and the renderer thread used in between. A long gap with little CPU means the threads
 * waited for a core (other processes, training); a long gap with as much CPU means our own work.
 * Start and stop on the FX thread.
 */
final class PulseRecorder extends AnimationTimer {
  private static final int MAX = 1 << 20;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final double[] gaps = new double[MAX];
  private final double[] fxCpu = new double[MAX];
  private final double[] renderCpu = new double[MAX];
  private final long renderThreadId = renderThreadId();
  private int n;
  private long last = -1;
  private long lastFxCpu;
  private long lastRenderCpu;

  @Override
  public void stop() {
    super.stop();
    last = -1;
  }

  @Override
  public void handle(long now) {
    long fx = THREADS.getCurrentThreadCpuTime();
    long render = renderThreadId < 0 ? 0 : THREADS.getThreadCpuTime(renderThreadId);
    if (last >= 0 && n < MAX) {
      gaps[n] = (now - last) / 1e6;
      fxCpu[n] = (fx - lastFxCpu) / 1e6;
      renderCpu[n] = (render - lastRenderCpu) / 1e6;
      n++;
    }
    last = now;
    lastFxCpu = fx;
    lastRenderCpu = render;
  }

  void reset() {
    n = 0;
    last = -1;
  }

  /** Milliseconds between consecutive pulses. */
  double[] gaps() {
    return Arrays.copyOf(gaps, n);
  }

  /** CPU milliseconds of the FX thread in each gap. */
  double[] fxCpu() {
    return Arrays.copyOf(fxCpu, n);
  }

  /** CPU milliseconds of the renderer thread in each gap (0 when it was not found). */
  double[] renderCpu() {
    return Arrays.copyOf(renderCpu, n);
  }

  /** JavaFX renders on "QuantumRenderer-0"; -1 if it is not running or CPU time is not measurable. */
  private static long renderThreadId() {
    if (!THREADS.isThreadCpuTimeSupported()) {
      return -1;
    }
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("QuantumRenderer"))
        .mapToLong(Thread::getId).findFirst().orElse(-1);
  }
}
