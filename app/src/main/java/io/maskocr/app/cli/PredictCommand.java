package io.maskocr.app.cli;

import io.maskocr.engine.infer.Prediction;
import io.maskocr.engine.infer.Recognizer;
import io.maskocr.engine.store.Workspace;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code maskocr predict}: reads word images with a run's newest checkpoint. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = "Read word images with a trained run: prints file, text, confidence and per-character probabilities.")
public final class PredictCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin ThreadsOption threadsOption;
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin WorkspaceOption ws;

  @Option(names = "--run", required = true, paramLabel = "ID|starter", description = RunArgument.HELP)
  String run;

  @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image files (PNG, JPEG, ...).")
  List<Path> images;

  @Override
  public Integer call() throws IOException {
    threadsOption.apply();
    java.io.PrintWriter out = spec.commandLine().getOut();
    List<BufferedImage> pictures = new ArrayList<>();
    for (Path p : images) {
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException("no such image file: " + p);
      }
      BufferedImage img = ImageIO.read(p.toFile());
      if (img == null) {
        throw new IllegalArgumentException(p + " is not an image this build can decode (use PNG, JPEG, BMP, TIFF or WebP)");
      }
      pictures.add(img);
    }
    Path runDir;
    try (Workspace w = Workspace.open(ws.resolve())) {
      runDir = w.runs().dir(RunArgument.resolve(w, run));
    }
    try (Recognizer r = Recognizer.load(runDir)) {
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
