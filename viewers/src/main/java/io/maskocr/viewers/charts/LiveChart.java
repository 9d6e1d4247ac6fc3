package io.maskocr.viewers.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javafx.scene.layout.StackPane;

/**
 * A line chart for learning curves that stays fast with hundreds of thousands of points: a
 * ChartFX chart whose renderer reduces points to the pixel resolution. One named series per
 * curve (e.g. per stage or per run). Call every method on the FX thread; feed it batches.
 */
public final class LiveChart extends StackPane {
  private final XYChart chart;
  private final DefaultNumericAxis xAxis;
  private final DefaultNumericAxis yAxis;
  private final Map<String, DoubleDataSet> series = new LinkedHashMap<>();

  /**
   * @param title chart title
   * @param xName x-axis name (step, seconds)
   * @param yName y-axis name
   */
  public LiveChart(String title, String xName, String yName) {
    xAxis = new DefaultNumericAxis(xName);
    yAxis = new DefaultNumericAxis(yName);
    // No unit: ChartFX would draw an empty "[]" after the name.
    xAxis.setUnit(null);
    yAxis.setUnit(null);
    xAxis.setAutoRanging(true);
    yAxis.setAutoRanging(true);
    xAxis.setForceZeroInRange(false);
    yAxis.setForceZeroInRange(false);
    yAxis.setAutoRangePadding(0.05);
    chart = new XYChart(xAxis, yAxis);
    chart.setTitle(title);
    chart.setAnimated(false);
    chart.setLegendVisible(true);
    ErrorDataSetRenderer r = new ErrorDataSetRenderer();
    r.setDrawMarker(false);
    r.setPointReduction(true);
    r.setPolyLineStyle(LineStyle.NORMAL);
    chart.getRenderers().setAll(r);
    chart.getPlugins().add(new Zoomer());
    getStyleClass().add("live-chart");
    getChildren().add(chart);
    setMinSize(160, 120);
  }

  /** Appends one point to series {@code name} (created on first use). */
  public void append(String name, double x, double y) {
    // The series is made even for NaN so a stage keeps the same colour in every chart.
    DoubleDataSet ds = dataSet(name);
    if (Double.isFinite(y)) {
      ds.add(x, y);
    }
  }

  /** Replaces series {@code name} with the given points (NaN values are skipped). */
  public void set(String name, double[] xs, double[] ys) {
    int n = 0;
    double[] fx = new double[xs.length];
    double[] fy = new double[ys.length];
    for (int i = 0; i < xs.length; i++) {
      if (Double.isFinite(ys[i])) {
        fx[n] = xs[i];
        fy[n] = ys[i];
        n++;
      }
    }
    dataSet(name).set(fx, fy, n, true);
  }

  /** Removes every series. */
  public void clear() {
    series.clear();
    renderer().getDatasets().clear();
  }

  /** Names of the series, in the order they were added. */
  public Set<String> seriesNames() {
    return series.keySet();
  }

  /** Number of points in series {@code name} (0 when absent). */
  public int pointCount(String name) {
    DoubleDataSet ds = series.get(name);
    return ds == null ? 0 : ds.getDataCount();
  }

  /** Point {@code i} of series {@code name} as {@code {x, y}}. */
  public double[] point(String name, int i) {
    DoubleDataSet ds = series.get(name);
    return new double[] {ds.get(DataSet.DIM_X, i), ds.get(DataSet.DIM_Y, i)};
  }

  /** Changes the x-axis name (e.g. when switching between step and time). */
  public void setXName(String name) {
    xAxis.setName(name);
  }

  /** The underlying ChartFX chart (styling, plugins). */
  public XYChart chart() {
    return chart;
  }

  private ErrorDataSetRenderer renderer() {
    return (ErrorDataSetRenderer) chart.getRenderers().get(0);
  }

  private DoubleDataSet dataSet(String name) {
    return series.computeIfAbsent(name, n -> {
      DoubleDataSet ds = new DoubleDataSet(n, 256);
      renderer().getDatasets().add(ds);
      return ds;
    });
  }
}
