package io.maskocr.app.ui.experiments;

import io.maskocr.engine.train.TrainingEvent;
import io.maskocr.viewers.attention.AttentionStrip;
import io.maskocr.viewers.charts.LiveChart;
import io.maskocr.viewers.recon.ReconstructionStrip;
import io.maskocr.viewers.charts.Rasters;
import java.util.List;
import java.util.function.LongConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import javafx.scene.layout.VBox;

/**
 * The live dashboard: loss, accuracy, learning rate and images/s per stage as fast charts, the
 * newest reconstruction and attention snapshot from the training thread, progress and ETA, and
 * pause / resume / stop.
 */
final class DashboardView {
  private final DashboardViewModel model;
  private final LiveChart loss = new LiveChart("Loss", "step", "loss");
  private final LiveChart accuracy = new LiveChart("Training accuracy", "step", "accuracy");
  private final LiveChart lr = new LiveChart("Learning rate", "step", "lr");
  private final LiveChart speed = new LiveChart("Throughput", "step", "images/s");
  private final ReconstructionStrip recon = new ReconstructionStrip(true);
  private final AttentionStrip attention = new AttentionStrip();
  private final BorderPane root = new BorderPane();

  DashboardView(DashboardViewModel model, LongConsumer inspect) {
    this.model = model;
    loss.setId("chart-loss");
    accuracy.setId("chart-accuracy");
    lr.setId("chart-lr");
    speed.setId("chart-speed");
    model.setMetricsSink(this::plot);
    model.setOnNewRun(() -> List.of(loss, accuracy, lr, speed).forEach(LiveChart::clear));

    Label status = new Label();
    status.setId("dashboard-status");
    status.textProperty().bind(model.statusProperty());
    status.getStyleClass().add("title-4");
    Label eta = new Label();
    eta.setId("dashboard-eta");
    eta.textProperty().bind(model.etaProperty());
    ProgressBar bar = new ProgressBar();
    bar.setId("dashboard-progress");
    bar.progressProperty().bind(model.progressProperty());
    bar.setPrefWidth(260);
    Button pause = new Button("Pause");
    pause.setId("dashboard-pause");
    pause.disableProperty().bind(model.trainingProperty().not().or(model.pausedProperty()));
    pause.setOnAction(e -> model.pause());
    Button resume = new Button("Resume");
    resume.setId("dashboard-resume");
    resume.disableProperty().bind(model.pausedProperty().not());
    resume.setOnAction(e -> model.resume());
    Button stop = new Button("Stop");
    stop.setId("dashboard-stop");
    stop.disableProperty().bind(model.trainingProperty().not());
    stop.setOnAction(e -> model.stop());
    Button open = new Button("Inspect latest checkpoint…");
    open.setId("dashboard-inspect");
    open.disableProperty().bind(model.runIdProperty().lessThan(0));
    open.setOnAction(e -> inspect.accept(model.runIdProperty().get()));
    HBox controls = new HBox(10, bar, eta, pause, resume, stop, open);
    controls.setAlignment(Pos.CENTER_LEFT);
    status.setMinWidth(0);
    eta.setMinWidth(0);
    Label queue = new Label();
    queue.setId("dashboard-queue");
    queue.textProperty().bind(model.queueProperty());
    queue.setMinWidth(0);
    Button cancelWaiting = new Button();
    cancelWaiting.setId("dashboard-cancel-waiting");
    cancelWaiting.textProperty().bind(javafx.beans.binding.Bindings.concat("Cancel run ", model.firstWaitingProperty()));
    cancelWaiting.setOnAction(e -> model.cancelFirstWaiting());
    HBox queueRow = new HBox(10, cancelWaiting, queue);
    queueRow.setAlignment(Pos.CENTER_LEFT);
    queueRow.visibleProperty().bind(model.firstWaitingProperty().greaterThanOrEqualTo(0));
    queueRow.managedProperty().bind(queueRow.visibleProperty());
    // The queue changes without training events (a run queued, cancelled, or waiting on another process).
    javafx.animation.Timeline poll = new javafx.animation.Timeline(
        new javafx.animation.KeyFrame(javafx.util.Duration.seconds(1), e -> model.refreshQueue()));
    poll.setCycleCount(javafx.animation.Animation.INDEFINITE);
    poll.play();
    VBox top = new VBox(6, status, controls, queueRow);
    top.setPadding(new Insets(8));

    GridPane charts = new GridPane();
    charts.setMinWidth(0);
    charts.setHgap(6);
    charts.setVgap(6);
    charts.add(loss, 0, 0);
    charts.add(accuracy, 1, 0);
    charts.add(lr, 0, 1);
    charts.add(speed, 1, 1);
    for (int i = 0; i < 2; i++) {
      ColumnConstraints c = new ColumnConstraints();
      c.setPercentWidth(50);
      charts.getColumnConstraints().add(c);
      RowConstraints r = new RowConstraints();
      r.setPercentHeight(50);
      r.setVgrow(Priority.ALWAYS);
      charts.getRowConstraints().add(r);
    }

    model.reconstructionProperty().addListener((o, a, r) -> {
      if (r != null) {
        recon.show(r, Math.max(1, 160 / r.width()), Rasters.max(r.patchError()));
      }
    });
    model.attentionProperty().addListener((o, a, s) -> showAttention(s));
    TitledPane reconPane = new TitledPane("Latest reconstruction (MIM)", recon);
    reconPane.setCollapsible(false);
    TitledPane attPane = new TitledPane("Latest attention (recognition)", attention);
    attPane.setCollapsible(false);
    HBox snapshots = new HBox(8, reconPane, attPane);
    snapshots.setMinWidth(0);
    attPane.setMinWidth(0);
    HBox.setHgrow(attPane, Priority.ALWAYS);
    snapshots.setPadding(new Insets(6));
    root.setTop(top);
    root.setCenter(charts);
    root.setBottom(snapshots);
    root.setId("dashboard");
    root.setMinWidth(0);
    controls.setMinWidth(0);
  }

  private void showAttention(TrainingEvent.AttentionSnapshot s) {
    if (s != null) {
      attention.show(s.image(), s.channels(), s.height(), s.width(), s.gridHeight(), s.gridWidth(), s.truth(),
          s.predicted(), s.attention(), "step " + s.step());
    }
  }

  private void plot(List<TrainingEvent.Metrics> batch) {
    for (TrainingEvent.Metrics m : batch) {
      String series = (m.stageIndex() + 1) + " " + m.stageType();
      loss.append(series, m.step(), m.loss());
      accuracy.append(series, m.step(), m.accuracy());
      lr.append(series, m.step(), m.learningRate());
      speed.append(series, m.step(), m.imagesPerSecond());
    }
  }

  /** The four live charts: loss, accuracy, learning rate, throughput. */
  List<LiveChart> charts() {
    return List.of(loss, accuracy, lr, speed);
  }

  /** The loss chart (tests count its points). */
  LiveChart lossChart() {
    return loss;
  }

  Node node() {
    return root;
  }
}
