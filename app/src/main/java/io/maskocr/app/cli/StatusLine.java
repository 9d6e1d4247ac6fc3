package io.maskocr.app.cli;

import io.maskocr.engine.train.TrainingEvent;
import java.io.PrintWriter;

/**
 * The live terminal line of {@code maskocr train}: stage, step, loss, accuracy, images/s, ETA.
 * Rewritten in place on a terminal; one line per update when output is redirected.
 */
final class StatusLine {
  private final PrintWriter out;
  private final boolean inPlace;
  private int width;

  StatusLine(PrintWriter out, boolean inPlace) {
    this.out = out;
    this.inPlace = inPlace;
  }

  void show(TrainingEvent e) {
    String text = null;
    if (e instanceof TrainingEvent.Metrics m) {
      text = String.format("[%d:%s] step %d/%d | loss %.4f | acc %s | %.0f img/s | lr %.2e | ETA %s",
          m.stageIndex() + 1, m.stageType(), m.step(), m.totalSteps(), m.loss(),
          Double.isNaN(m.accuracy()) ? "-" : String.format("%.3f", m.accuracy()), m.imagesPerSecond(),
          m.learningRate(), eta(m.etaSeconds()));
    } else if (e instanceof TrainingEvent.StageStarted s) {
      text = "stage " + (s.stageIndex() + 1) + ": " + s.stageType() + " (" + s.stageSteps() + " steps) from step " + s.step();
      newline(text);
      return;
    } else if (e instanceof TrainingEvent.CheckpointSaved c) {
      newline("checkpoint at step " + c.step() + ": " + c.directory());
      return;
    }
    if (text == null) {
      return;
    }
    if (inPlace) {
      out.print("\r" + text + " ".repeat(Math.max(0, width - text.length())));
      width = text.length();
      out.flush();
    } else {
      out.println(text);
    }
  }

  private void newline(String text) {
    if (inPlace && width > 0) {
      out.println();
      width = 0;
    }
    out.println(text);
  }

  void finish() {
    if (inPlace && width > 0) {
      out.println();
    }
  }

  private static String eta(double seconds) {
    long s = Math.round(seconds);
    return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
  }
}
