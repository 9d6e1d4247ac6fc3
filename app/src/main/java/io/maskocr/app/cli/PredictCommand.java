package io.maskocr.app.cli;

import io.maskocr.engine.infer.Prediction;
import io.maskocr.engine.io.BadImageException;
import io.maskocr.engine.io.ImageChecker;
import io.maskocr.engine.io.ImageLimits;
import io.maskocr.engine.infer.TextReader;
import io.maskocr.engine.store.Workspace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code maskocr predict}: reads word images with a run's newest checkpoint. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = "Read word images with a trained run or an external model: prints file, text, confidence and per-character probabilities.")
public final class PredictCommand implements Callable<Integer> {
  private static final ImageChecker CHECKER = new ImageChecker(ImageLimits.DEFAULT);

  @picocli.CommandLine.Mixin ThreadsOption threadsOption;
  @picocli.CommandLine.Mixin SecondLookOption secondLook;
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin WorkspaceOption ws;

  @Option(names = "--run", paramLabel = "ID|starter", description = RunArgument.HELP)
  String run;

  @Option(names = "--model", paramLabel = "NAME", description = ReaderArgument.MODEL_HELP)
  String model;

  @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image files (PNG, JPEG, ...).")
  List<Path> images;

  @Override
  public Integer call() throws IOException {
    ReaderArgument.checkOne(run, model);
    threadsOption.apply();
    secondLook.apply();
    java.io.PrintWriter out = spec.commandLine().getOut();
    List<BufferedImage> pictures = new ArrayList<>();
    for (Path p : images) {
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException("no such image file: " + p);
      }
      // the import's checker: a header claiming 100000x100000 px is refused before decoding, not an OutOfMemoryError
      try {
        pictures.add(CHECKER.read(Files.readAllBytes(p)));
      } catch (BadImageException e) {
        throw new IllegalArgumentException(p + ": " + e.reason().text() + " (" + e.getMessage() + "); "
            + e.reason().hint());
      }
    }
    try (Workspace w = Workspace.open(ws.resolve()); TextReader r = ReaderArgument.open(w, run, model)) {
      List<Prediction> preds = r.predictImages(pictures);
      for (int i = 0; i < preds.size(); i++) {
        Prediction p = preds.get(i);
        StringBuilder probs = new StringBuilder();
        for (float f : p.charProbabilities()) {
          probs.append(probs.length() == 0 ? "" : " ").append(String.format("%.2f", f));
        }
        out.printf("%s\t%s\t%.4f\t%s%n", images.get(i), p.text(), p.confidence(), probs);
      }
      out.flush();
    }
    return 0;
  }
}
