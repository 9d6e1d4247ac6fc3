package io.maskocr.test.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.maskocr.test.experiments.Screens;
import io.maskocr.viewers.charts.LiveChart;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A live chart holding 100,000 points draws a pixel-resolution reduction of them: every point
 * stays in the data, the chart gets a few per pixel column, the spike and both ends are still
 * drawn, new points show up within a redraw interval, and zooming in shows every point of the
 * zoomed range.
 */
@ExtendWith(ApplicationExtension.class)
class LiveChartAt100kTest {
  private static final int N = 100_000;
  private static final int SPIKE = 61_234;
  private LiveChart chart;
  private Scene scene;

  @Start
  void start(Stage stage) {
    chart = new LiveChart("Loss", "step", "loss");
    scene = new Scene(chart, 800, 500);
    // Styled as in the app (theme and studio.css), whichever test ran before: the theme alone
    // leaves ChartFX's grid-line colors unresolved and the CSS logger warns.
    io.maskocr.app.ui.shell.MainWindow.applyTheme(scene);
    stage.setScene(scene);
    stage.show();
  }

  @Test
  void drawsAReductionThatKeepsEndsAndSpikesAndFollowsNewPointsAndZoom(FxRobot robot) throws Exception {
    double[] xs = new double[N];
    double[] ys = new double[N];
    for (int i = 0; i < N; i++) {
      xs[i] = i;
      ys[i] = Math.exp(-i / 30_000.0) + 0.05 * Math.sin(i * 0.01);
    }
    ys[SPIKE] = 3;
    robot.interact(() -> chart.set("1 mim", xs, ys));
    waitUntil(() -> shown(robot).length > 0 && shownX(robot).length > 0);

    DefaultNumericAxis x = (DefaultNumericAxis) chart.chart().getXAxis();
    double[] plot = new double[1];
    robot.interact(() -> plot[0] = x.getWidth());
    double width = plot[0];
    double[] sx = shownX(robot);
    double[] sy = shown(robot);
    assertEquals(N, chart.pointCount("1 mim"), "the data keeps every point");
    assertTrue(sx.length <= 4 * (Math.ceil(width) + 2), sx.length + " points drawn on a " + width + " px wide plot");
    assertEquals(0, sx[0]);
    assertEquals(N - 1, sx[sx.length - 1]);
    assertEquals(3.0, Arrays.stream(sy).max().orElseThrow(), "the spike is drawn");
    Screens.save(robot, scene, "live-chart-100k");

    // Points appended one by one appear with the next redraw (at most every 100 ms).
    robot.interact(() -> {
      for (int i = 0; i < 50; i++) {
        chart.append("1 mim", N + i, 0.2);
      }
    });
    waitUntil(() -> shownX(robot)[shownX(robot).length - 1] == N + 49);
    assertEquals(N + 50, chart.pointCount("1 mim"));

    // Zoomed to 300 steps, every point of that range is drawn.
    robot.interact(() -> {
      x.setAutoRanging(false);
      x.setMin(50_000);
      x.setMax(50_299);
    });
    waitUntil(() -> Arrays.stream(shownX(robot)).filter(v -> v >= 50_000 && v <= 50_299).count() == 300);
  }

  private double[] shownX(FxRobot robot) {
    double[][] p = new double[1][];
    robot.interact(() -> p[0] = chart.shownPoints("1 mim")[0]);
    return p[0];
  }

  private double[] shown(FxRobot robot) {
    double[][] p = new double[1][];
    robot.interact(() -> p[0] = chart.shownPoints("1 mim")[1]);
    return p[0];
  }

  private static void waitUntil(java.util.concurrent.Callable<Boolean> c) throws Exception {
    WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, c);
  }
}
