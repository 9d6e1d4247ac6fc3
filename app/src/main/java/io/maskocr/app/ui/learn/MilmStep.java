package io.maskocr.app.ui.learn;

import io.maskocr.engine.inspect.CharacterReading;
import io.maskocr.engine.learn.LearnFacts;
import io.maskocr.engine.learn.MilmView;
import io.maskocr.engine.model.ModelConfig;
import io.maskocr.viewers.concurrent.LatestWins;
import io.maskocr.viewers.learn.PatchCanvas;
import io.maskocr.viewers.learn.ReadingTable;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Step 5: masked image-language modeling. Whole characters are erased from the picture and the
 * decoder still has to name them, from the letters around them.
 */
final class MilmStep extends ModelStep {
  private final LatestWins worker = new LatestWins("maskocr-learn-milm");
  private final Slider ratio = new Slider(0.1, 0.9, 0.3);
  private final Label ratioValue = new Label();
  private final Button another = new Button("Hide other characters");
  private final PatchCanvas canvas = new PatchCanvas(5);
  private final ReadingTable table = new ReadingTable();
  private final Label status = new Label();
  private final VBox content;
  private long seed = 1;

  MilmStep(StepInfo info) {
    super(info);
    ratio.setId("learn-milm-ratio");
    ratio.setPrefWidth(240);
    ratio.setMajorTickUnit(0.1);
    ratio.setShowTickMarks(true);
    another.setId("learn-milm-another");
    another.setOnAction(e -> {
      seed++;
      request();
    });
    HBox controls = controlRow(new Label("Share of characters hidden"), ratio, ratioValue, another, status);
    Label tableTitle = new Label("What the decoder guesses at each position (hidden positions tinted):");
    content = new VBox(10, controls, canvas, tableTitle, table);
    ratio.valueProperty().addListener((o, a, b) -> request());
  }

  @Override
  protected Node content() {
    return content;
  }

  @Override
  protected void updateWithModel(StepInput in) {
    request();
  }

  private void request() {
    StepInput in = shown();
    if (in == null || !in.hasModel()) {
      return;
    }
    double r = Math.round(ratio.getValue() * 100) / 100.0;
    ratioValue.setText(String.format("%.2f", r));
    long sd = seed;
    status.setText("reading…");
    worker.submit(() -> in.session().milm(in.sample(), r, sd), v -> {
      status.setText("");
      ModelConfig c = in.config();
      canvas.show(v.maskedPixels(), c.channels(), c.imageHeight(), c.imageWidth(), c.patchHeight(), c.patchWidth(),
          null, null);
      table.show(columns(v));
      setFacts(LearnFacts.milm(c, v, in.session().charset().vocabularySize()));
    }, e -> status.setText("cannot read: " + e.getMessage()));
  }

  private static List<ReadingTable.Column> columns(MilmView v) {
    List<CharacterReading> read = v.reading().characters();
    int n = v.truth() != null ? v.truth().length() : read.size();
    List<ReadingTable.Column> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<String> guesses = new ArrayList<>();
      List<Float> probs = new ArrayList<>();
      if (i < read.size()) {
        for (CharacterReading.Alternative a : read.get(i).alternatives()) {
          guesses.add(a.symbol().equals(CharacterReading.END) ? "" : a.symbol());
          probs.add(a.probability());
        }
      } else {
        guesses.add("");
        probs.add(Float.NaN);
      }
      String truth = v.truth() != null ? String.valueOf(v.truth().charAt(i)) : "?";
      boolean hidden = i < v.hiddenCharacters().length && v.hiddenCharacters()[i];
      out.add(new ReadingTable.Column(truth, hidden, guesses, probs));
    }
    return out;
  }

  @Override
  public void close() {
    worker.close();
  }
}
