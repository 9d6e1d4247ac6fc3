package io.maskocr.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code maskocr model}: the workspace's external ONNX recognizers. */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = {
      "External ONNX recognizers (PaddleOCR's PP-OCR, PARSeq) kept in the workspace: use them with",
      "predict --model, eval --model and bench infer --model, in Annotate and as baselines in Experiments."},
    subcommands = {ModelAddCommand.class, ModelListCommand.class, ModelRemoveCommand.class})
public final class ModelCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
