package io.maskocr.app.ui.learn;

import io.maskocr.engine.learn.LearnFacts;
import io.maskocr.engine.learn.LearnSession;
import io.maskocr.engine.learn.OdmView;
import io.maskocr.viewers.charts.Rasters;
import io.maskocr.viewers.concurrent.LatestWins;
import io.maskocr.viewers.learn.ImageRow;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.image.Image;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Step 8: ODM's clean target. The word of the picture (its label, or what the model read) is
 * rendered in a random style and as the clean target the encoder learns to produce; the text
 * controller drops or swaps some characters in the prompt and erases them from the target; the
 * model's pixel head draws what it makes of the styled word (the head trained in the run's odm
 * stage, or, for a model without one, a head fitted on its frozen encoder, as the UI says).
 */
final class OdmStep extends ModelStep {
  private static final int SCALE = 3;
  private final LatestWins worker = new LatestWins("maskocr-learn-odm");
  private final Slider share = new Slider(0, 0.6, 0.3);
  private final Label shareValue = new Label();
  private final Button restyle = new Button("Another style");
  private final ImageRow row = new ImageRow();
  private final Label prompt = new Label();
  private final Label note = new Label();
  private final Label drawnBy = new Label();
  private final Label status = new Label();
  private final VBox content;
  private long style = 0;

  OdmStep(StepInfo info) {
    super(info);
    share.setId("learn-odm-share");
    share.setPrefWidth(220);
    share.setMajorTickUnit(0.1);
    share.setShowTickMarks(true);
    restyle.setId("learn-odm-restyle");
    restyle.setOnAction(e -> {
      style++;
      request();
    });
    note(note);
    drawnBy.setId("learn-odm-drawn-by");
    note(drawnBy);
    prompt.getStyleClass().add("learn-reading");
    HBox controls = controlRow(new Label("Text controller changes"), share, shareValue, restyle, status);
    content = new VBox(10, controls, row, prompt, drawnBy, note);
    share.valueProperty().addListener((o, a, b) -> request());
  }

  @Override
  protected Node content() {
    return content;
  }

  @Override
  protected void updateWithModel(StepInput in) {
    LearnSession s = in.session();
    note.setText(s.stages().contains("odm")
        ? "The model you are using was pre-trained with this objective (recipe " + s.recipeName() + ")."
        : "The model you are using was trained with recipe " + s.recipeName() + " (" + String.join(" → ", s.stages())
            + "), without ODM; the odm recipe pre-trains the encoder with exactly these targets.");
    request();
  }

  private void request() {
    StepInput in = shown();
    if (in == null || !in.hasModel()) {
      return;
    }
    double sh = Math.round(share.getValue() * 100) / 100.0;
    shareValue.setText(String.format("%.0f%%", sh * 100));
    long st = style;
    status.setText("rendering and drawing…");
    worker.submit(() -> {
      String word = in.image().label();
      if (word == null) {
        word = in.session().read(in.sample().pixels()).text(); // own picture: the model's reading
      }
      return in.session().odm(word, st, sh, 7 + st);
    }, v -> {
      status.setText("");
      Image styled = Rasters.pixels(v.styled(), v.channels(), v.height(), v.width(), SCALE);
      if (v.drawing() == null) {
        row.show(new Image[] {styled, ink(v.cleanInk(), v), ink(v.controlledInk(), v)},
            new String[] {"styled input", "clean target", "target after the text controller"});
      } else {
        row.show(new Image[] {styled, ink(v.cleanInk(), v), ink(v.controlledInk(), v), ink(v.drawing().predictedInk(), v)},
            new String[] {"styled input", "clean target", "target after the text controller", "drawn by the pixel head"});
      }
      prompt.setText("Prompt given with the image: “" + v.prompt() + "”   (_ = dropped, a wrong letter = noised)");
      drawnBy.setText(v.drawnBy());
      setFacts(LearnFacts.odm(v));
    }, e -> status.setText("cannot render: " + e.getMessage()));
  }

  private static Image ink(float[] plane, OdmView v) {
    float[] px = new float[plane.length];
    for (int i = 0; i < plane.length; i++) {
      px[i] = 1f - 2f * plane[i]; // ink is black on white
    }
    return Rasters.pixels(px, 1, v.height(), v.width(), SCALE);
  }

  @Override
  public void close() {
    worker.close();
  }
}
