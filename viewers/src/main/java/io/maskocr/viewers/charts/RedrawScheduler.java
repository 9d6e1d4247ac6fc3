package io.maskocr.viewers.charts;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import javafx.animation.AnimationTimer;

/**
 * Spreads chart redraws over pulses: each pulse redraws at most one chart whose data changed,
 * and a chart at most every {@link #MIN_INTERVAL_NS}. A dashboard of four 100,000-point charts
 * fed every training step thus costs one small redraw per frame instead of four large ones in
 * the same frame, and a flood of points costs ten redraws a second, not one per point. The
 * timer runs only while some chart waits, so an idle window gets no extra pulses. FX thread only.
 */
final class RedrawScheduler {
  /** Shortest time between two redraws of the same chart: 100 ms. */
  static final long MIN_INTERVAL_NS = 100_000_000L;

  /** Something that redraws from its data when asked. */
  interface Redrawable {
    /** System.nanoTime() of the last redraw. */
    long lastRedrawNanos();

    /** Hands the current data to the chart (called at the start of a pulse). */
    void redraw();
  }

  private static final RedrawScheduler SHARED = new RedrawScheduler();

  private final Set<Redrawable> waiting = new LinkedHashSet<>();
  private boolean running;
  private final AnimationTimer timer = new AnimationTimer() {
    @Override
    public void handle(long now) {
      redrawOne(System.nanoTime());
    }
  };

  /** The scheduler of the FX application. */
  static RedrawScheduler shared() {
    return SHARED;
  }

  /** Asks for a redraw of {@code r} soon (a second request before it happens changes nothing). */
  void request(Redrawable r) {
    waiting.add(r);
    if (!running) {
      running = true;
      timer.start();
    }
  }

  /** Forgets a pending request (the chart was redrawn directly). */
  void cancel(Redrawable r) {
    waiting.remove(r);
  }

  private void redrawOne(long now) {
    for (Iterator<Redrawable> it = waiting.iterator(); it.hasNext(); ) {
      Redrawable r = it.next();
      if (now - r.lastRedrawNanos() >= MIN_INTERVAL_NS) {
        it.remove();
        r.redraw();
        break;
      }
    }
    if (waiting.isEmpty()) {
      running = false;
      timer.stop();
    }
  }
}
