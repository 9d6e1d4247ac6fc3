package io.maskocr.viewers.learn;

import io.maskocr.engine.learn.ConfidenceSurvey;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Histogram of reading confidences, right readings in green stacked under wrong ones in red,
 * with the annotation threshold as a vertical line (left of it goes to annotators) and an
 * optional marker for one image's confidence.
 */
public final class ConfidenceHistogram extends Canvas {
  private static final int BINS = 20;
  private static final double LEFT = 36;
  private static final double BOTTOM = 34;

  public ConfidenceHistogram(double width, double height) {
    super(width, height);
    getStyleClass().add("confidence-histogram");
  }

  /**
   * @param threshold readings below it go to annotators
   * @param marker one image's confidence to point at, or NaN
   */
  public void show(ConfidenceSurvey survey, double threshold, double marker) {
    int[] right = new int[BINS];
    int[] wrong = new int[BINS];
    for (ConfidenceSurvey.Item i : survey.items()) {
      int b = Math.min(BINS - 1, Math.max(0, (int) (i.confidence() * BINS)));
      if (i.correct()) {
        right[b]++;
      } else {
        wrong[b]++;
      }
    }
    int max = 1;
    for (int b = 0; b < BINS; b++) {
      max = Math.max(max, right[b] + wrong[b]);
    }
    GraphicsContext g = getGraphicsContext2D();
    double w = getWidth() - LEFT - 10;
    double h = getHeight() - BOTTOM - 10;
    g.setFill(Color.WHITE);
    g.fillRect(0, 0, getWidth(), getHeight());
    g.setFill(Color.rgb(255, 235, 205));
    g.fillRect(LEFT, 10, w * threshold, h);
    double bw = w / BINS;
    for (int b = 0; b < BINS; b++) {
      double hr = h * right[b] / max;
      double hw = h * wrong[b] / max;
      g.setFill(Color.rgb(60, 160, 90));
      g.fillRect(LEFT + b * bw + 1, 10 + h - hr, bw - 2, hr);
      g.setFill(Color.rgb(210, 60, 60));
      g.fillRect(LEFT + b * bw + 1, 10 + h - hr - hw, bw - 2, hw);
    }
    g.setStroke(Color.GRAY);
    g.strokeLine(LEFT, 10 + h, LEFT + w, 10 + h);
    g.setFill(Color.BLACK);
    g.setFont(Font.font(11));
    g.setTextAlign(TextAlignment.CENTER);
    g.setTextBaseline(VPos.TOP);
    for (int t = 0; t <= 10; t += 2) {
      g.fillText(String.format("%.1f", t / 10.0), LEFT + w * t / 10, 14 + h);
    }
    g.fillText("confidence", LEFT + w / 2, 26 + h - 2);
    g.setTextAlign(TextAlignment.RIGHT);
    g.setTextBaseline(VPos.CENTER);
    g.fillText(Integer.toString(max), LEFT - 4, 12);
    g.fillText("0", LEFT - 4, 10 + h);
    g.setStroke(Color.rgb(200, 110, 0));
    g.setLineWidth(2);
    g.strokeLine(LEFT + w * threshold, 6, LEFT + w * threshold, 10 + h);
    if (!Double.isNaN(marker)) {
      double x = LEFT + w * Math.max(0, Math.min(1, marker));
      g.setFill(Color.rgb(30, 90, 200));
      g.fillPolygon(new double[] {x - 6, x + 6, x}, new double[] {2, 2, 12}, 3);
    }
    g.setLineWidth(1);
  }
}
