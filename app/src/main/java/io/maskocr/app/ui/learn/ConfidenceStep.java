package io.maskocr.app.ui.learn;

import io.maskocr.engine.data.Sample;
import io.maskocr.engine.inspect.AttentionInspection;
import io.maskocr.engine.inspect.CharacterReading;
import io.maskocr.engine.learn.BundledSamples;
import io.maskocr.engine.learn.ConfidenceSurvey;
import io.maskocr.engine.learn.LearnFacts;
import io.maskocr.engine.learn.LearnSession;
import io.maskocr.viewers.charts.HeatColors;
import io.maskocr.viewers.concurrent.LatestWins;
import io.maskocr.viewers.learn.ConfidenceHistogram;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Step 7: how sure the model is. The picture's confidence is the product of its character
 * probabilities; over the bundled samples, a threshold decides which readings an annotator
 * checks (the annotation queue shows the least confident first).
 */
final class ConfidenceStep extends ModelStep {
  /** Bundled samples read for the survey (a few seconds with the small model). */
  static final int SURVEY_SIZE = 150;

  private final LatestWins reader = new LatestWins("maskocr-learn-confidence");
  private final LatestWins surveyor = new LatestWins("maskocr-learn-survey");
  private final BundledSamplesSource samples;
  private final FlowPane chips = new FlowPane(4, 4);
  private final Label reading = new Label();
  private final Slider threshold = new Slider(0, 1, 0.6);
  private final Label thresholdValue = new Label();
  private final Label surveyStatus = new Label();
  private final Label split = new Label();
  private final ConfidenceHistogram histogram = new ConfidenceHistogram(560, 200);
  private ConfidenceSurvey survey;
  private final VBox content;
  private LearnSession surveyed;
  private double marker = Double.NaN;
  private String readingFacts = "";

  /** Where the survey's samples come from. */
  interface BundledSamplesSource {
    BundledSamples get();
  }

  ConfidenceStep(StepInfo info, BundledSamplesSource samples) {
    super(info);
    this.samples = samples;
    threshold.setId("learn-threshold");
    threshold.setPrefWidth(260);
    threshold.setMajorTickUnit(0.1);
    threshold.setShowTickMarks(true);
    split.setWrapText(true);
    reading.getStyleClass().add("learn-reading");
    HBox controls = controlRow(new Label("Send to annotators below"), threshold, thresholdValue, surveyStatus);
    Label legend = new Label("green = read right, red = read wrong; shaded = goes to an annotator; "
        + "blue triangle = your picture");
    legend.getStyleClass().add("learn-caption");
    content = new VBox(8, reading, chips, new Label("The same model on the bundled samples:"), controls, histogram,
        legend, split);
    threshold.valueProperty().addListener((o, a, b) -> redrawSurvey());
  }

  @Override
  protected Node content() {
    return content;
  }

  @Override
  protected void updateWithModel(StepInput in) {
    reading.setText("reading…");
    reader.submit(() -> in.session().read(in.sample().pixels()), this::showReading,
        e -> reading.setText("cannot read: " + e.getMessage()));
    if (surveyed != in.session()) {
      surveyed = in.session();
      startSurvey(in);
    }
  }

  private void showReading(AttentionInspection a) {
    StepInput in = shown();
    String truth = in.image().label();
    reading.setText(String.format("The model reads “%s”%s with confidence %.3f.", a.text(),
        truth == null ? "" : truth.equals(a.text()) ? " (right)" : " (the true text is “" + truth + "”)",
        a.confidence()));
    chips.getChildren().clear();
    for (CharacterReading c : a.characters()) {
      Label chip = new Label(String.format("%s  %.2f", c.symbol(), c.probability()));
      chip.setStyle("-fx-padding: 3 6 3 6; -fx-background-radius: 4; -fx-background-color: "
          + web(HeatColors.confidence(c.probability())) + ";");
      chips.getChildren().add(chip);
    }
    marker = a.confidence();
    readingFacts = LearnFacts.confidence(a);
    redrawSurvey();
  }

  private static String web(javafx.scene.paint.Color c) {
    return String.format("#%02x%02x%02x", (int) (c.getRed() * 255), (int) (c.getGreen() * 255),
        (int) (c.getBlue() * 255));
  }

  private void startSurvey(StepInput in) {
    BundledSamples b = samples.get();
    if (b == null) {
      return;
    }
    LearnSession s = in.session();
    AtomicInteger done = new AtomicInteger();
    int n = Math.min(SURVEY_SIZE, b.size());
    surveyStatus.setText("reading " + n + " samples…");
    surveyor.submit(() -> {
      List<Sample> list = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        list.add(b.image(i).toSample(s.config()));
      }
      return s.survey(list, k -> {
        if (done.getAndSet(k) / 25 != k / 25) {
          Platform.runLater(() -> surveyStatus.setText("read " + k + " of " + n + "…"));
        }
      }, () -> false);
    }, result -> {
      surveyStatus.setText("");
      survey = result;
      redrawSurvey();
    }, e -> surveyStatus.setText("survey failed: " + e.getMessage()));
  }

  private void redrawSurvey() {
    double t = Math.round(threshold.getValue() * 100) / 100.0;
    thresholdValue.setText(String.format("%.2f", t));
    ConfidenceSurvey s = survey;
    if (s == null) {
      setFacts(readingFacts);
      return;
    }
    histogram.show(s, t, marker);
    split.setText(LearnFacts.threshold(s, t));
    setFacts(readingFacts + " " + LearnFacts.threshold(s, t));
  }

  @Override
  public void close() {
    reader.close();
    surveyor.close();
  }
}
