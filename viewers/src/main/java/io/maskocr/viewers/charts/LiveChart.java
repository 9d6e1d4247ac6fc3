package io.maskocr.viewers.charts;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javafx.scene.layout.StackPane;

/**
 * A line chart for learning curves that stays fast with hundreds of thousands of points. It keeps
 * every point itself and hands the ChartFX chart only a pixel-resolution reduction
 * ({@link PixelDecimation}: first, lowest, highest and last point of each pixel column of the
 * visible range), redone when data arrive, the plot is resized or zoomed. Redraws are spread by
 * {@link RedrawScheduler}: a chart redraws at most every 100 ms and at most one chart per pulse,
 * so feeding it point by point is cheap. One named series per curve (e.g. per stage or per run).
 * Call every method on the FX thread.
 */
public final class LiveChart extends StackPane {
  /** Columns assumed before the chart is laid out (a typical plot width in pixels). */
  private static final int DEFAULT_COLUMNS = 1000;

  private final XYChart chart;
  private final DefaultNumericAxis xAxis;
  private final DefaultNumericAxis yAxis;
  private final Map<String, Series> series = new LinkedHashMap<>();
  private long lastRedraw = System.nanoTime() - RedrawScheduler.MIN_INTERVAL_NS;
  private final RedrawScheduler.Redrawable redrawer = new RedrawScheduler.Redrawable() {
    @Override
    public long lastRedrawNanos() {
      return lastRedraw;
    }

    @Override
    public void redraw() {
      redrawNow();
    }
  };

  /** A curve: all its points, and the reduced points the chart draws. */
  private record Series(CurveBuffer data, DoubleDataSet shown) {}

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
    // A wider plot or a zoomed range needs another reduction; an auto-ranged axis follows the
    // data, which the reduction already covers.
    xAxis.widthProperty().addListener((o, a, b) -> {
      if (Math.abs(a.doubleValue() - b.doubleValue()) >= 1) {
        requestRedraw();
      }
    });
    xAxis.autoRangingProperty().addListener((o, a, b) -> requestRedraw());
    xAxis.minProperty().addListener((o, a, b) -> zoomed());
    xAxis.maxProperty().addListener((o, a, b) -> zoomed());
  }

  /** Appends one point to series {@code name} (created on first use). */
  public void append(String name, double x, double y) {
    // The series is made even for NaN so a stage keeps the same colour in every chart.
    series(name).data().append(x, y);
    requestRedraw();
  }

  /** Replaces series {@code name} with the given points (NaN values are skipped). */
  public void set(String name, double[] xs, double[] ys) {
    series(name).data().set(xs, ys);
    requestRedraw();
  }

  /** Removes every series. */
  public void clear() {
    series.clear();
    renderer().getDatasets().clear();
    RedrawScheduler.shared().cancel(redrawer);
  }

  /** Names of the series, in the order they were added. */
  public Set<String> seriesNames() {
    return series.keySet();
  }

  /** Number of points in series {@code name} (0 when absent). */
  public int pointCount(String name) {
    Series s = series.get(name);
    return s == null ? 0 : s.data().size();
  }

  /** Point {@code i} of series {@code name} as {@code {x, y}}. */
  public double[] point(String name, int i) {
    CurveBuffer d = series.get(name).data();
    return new double[] {d.x(i), d.y(i)};
  }

  /**
   * Points of series {@code name} the chart currently draws, as {@code {xs, ys}} (the reduction
   * of the data, as of the last redraw).
   */
  public double[][] shownPoints(String name) {
    Series s = series.get(name);
    if (s == null) {
      return new double[][] {new double[0], new double[0]};
    }
    DoubleDataSet ds = s.shown();
    int n = ds.getDataCount();
    return new double[][] {Arrays.copyOf(ds.getValues(DataSet.DIM_X), n), Arrays.copyOf(ds.getValues(DataSet.DIM_Y), n)};
  }

  /** Hands every series' current data to the chart now (before a snapshot, for example). */
  public void redrawNow() {
    RedrawScheduler.shared().cancel(redrawer);
    lastRedraw = System.nanoTime();
    double lo;
    double hi;
    if (xAxis.isAutoRanging()) {
      lo = Double.POSITIVE_INFINITY;
      hi = Double.NEGATIVE_INFINITY;
      for (Series s : series.values()) {
        lo = Math.min(lo, s.data().minX());
        hi = Math.max(hi, s.data().maxX());
      }
    } else {
      lo = xAxis.getMin();
      hi = xAxis.getMax();
    }
    double width = xAxis.getWidth();
    int columns = width >= 1 ? (int) Math.ceil(width) : DEFAULT_COLUMNS;
    for (Series s : series.values()) {
      PixelDecimation.Points p = s.data().reduced(lo, hi, columns);
      s.shown().set(p.x(), p.y(), p.n(), false);
    }
  }

  /** Changes the x-axis name (e.g. when switching between step and time). */
  public void setXName(String name) {
    xAxis.setName(name);
  }

  /** The underlying ChartFX chart (styling, plugins). */
  public XYChart chart() {
    return chart;
  }

  private void zoomed() {
    if (!xAxis.isAutoRanging()) {
      requestRedraw();
    }
  }

  private void requestRedraw() {
    RedrawScheduler.shared().request(redrawer);
  }

  private ErrorDataSetRenderer renderer() {
    return (ErrorDataSetRenderer) chart.getRenderers().get(0);
  }

  private Series series(String name) {
    return series.computeIfAbsent(name, n -> {
      DoubleDataSet ds = new DoubleDataSet(n, 256);
      renderer().getDatasets().add(ds);
      return new Series(new CurveBuffer(), ds);
    });
  }
}
