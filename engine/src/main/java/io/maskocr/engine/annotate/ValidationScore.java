package io.maskocr.engine.annotate;

import io.maskocr.engine.data.LabeledImage;
import io.maskocr.engine.infer.Prediction;
import io.maskocr.engine.infer.Recognizer;
import io.maskocr.engine.metrics.EvaluationReport;
import io.maskocr.engine.metrics.Evaluator;
import java.util.List;

/** Word accuracy of a recognizer on labelled images, under its charset's protocol. */
public final class ValidationScore {
  private ValidationScore() {}

  /**
   * Case-folding charsets (latin36) score under the 36-symbol protocol, others on the full
   * text, so a model is never blamed for case it cannot output.
   *
   * @return accuracy in [0, 1], NaN for no images
   */
  public static double accuracy(Recognizer r, List<LabeledImage> images) {
    if (images.isEmpty()) {
      return Double.NaN;
    }
    Evaluator ev = new Evaluator();
    for (int from = 0; from < images.size(); from += Recognizer.BATCH) {
      List<LabeledImage> chunk = images.subList(from, Math.min(images.size(), from + Recognizer.BATCH));
      List<Prediction> preds = r.predictImages(chunk.stream().map(LabeledImage::image).toList());
      for (int i = 0; i < chunk.size(); i++) {
        ev.add(chunk.get(i).label(), preds.get(i).text(), preds.get(i).confidence());
      }
    }
    EvaluationReport rep = ev.report(0);
    return r.charset().caseFolding() ? rep.accuracy36() : rep.accuracyFull();
  }
}
