package io.maskocr.app.cli;

import io.maskocr.engine.external.BaselineRun;
import io.maskocr.engine.external.ExternalKind;
import io.maskocr.engine.external.ExternalModel;
import io.maskocr.engine.external.ExternalModels;
import io.maskocr.engine.external.ModelSettings;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code maskocr model add}: copies an ONNX recognizer and its dictionary into the workspace. */
@Command(
    name = "add",
    mixinStandardHelpOptions = true,
    description = {
      "Copy an ONNX recognizer and its dictionary into the workspace (models/NAME/, with its sha256 and its",
      "pre- and post-processing settings in model.json) after checking that it loads, is shaped like a",
      "recognizer and outputs one class per dictionary symbol plus the blank (and space) or end token."})
public final class ModelAddCommand implements Callable<Integer> {
  @Mixin WorkspaceOption ws;
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.onnx", description = "The recognizer (never shipped with MaskOCR Studio).")
  Path file;

  @Option(names = "--kind", required = true, paramLabel = "ppocr-rec|parseq",
      description = "ppocr-rec: PaddleOCR PP-OCR recognizer (BGR, height 48, CTC, blank first, space last);"
          + " parseq: PARSeq as OnnxTR exports it (RGB 32x128, end token after the vocabulary).")
  String kind;

  @Option(names = "--keys", required = true, paramLabel = "DICT.txt",
      description = "The dictionary: one symbol per line in class order (ppocr_keys_v1.txt), or the charset on one line.")
  Path keys;

  @Option(names = "--name", paramLabel = "N", description = "Name in the workspace (default: from the file name).")
  String name;

  @Option(names = "--eos", paramLabel = "first|last",
      description = "parseq: where the end token is among the output classes: last (OnnxTR, default) or first"
          + " (baudm/parseq's own export, which also stretches to 32x128 with mean and std 0.5).")
  String eos;

  @Override
  public Integer call() throws Exception {
    ExternalKind k = ExternalKind.parse(kind);
    ModelSettings settings = null;
    if (eos != null) {
      if (k != ExternalKind.PARSEQ || !("first".equals(eos) || "last".equals(eos))) {
        throw new IllegalArgumentException("--eos takes first or last, with --kind parseq");
      }
      settings = "first".equals(eos) ? ExternalKind.parseqEosFirst() : k.defaults();
    }
    java.io.PrintWriter out = spec.commandLine().getOut();
    try (Workspace w = Workspace.open(ws.resolve())) {
      ExternalModel m = ExternalModels.add(w, file, k, keys, name, settings);
      long run = BaselineRun.ensure(w, m);
      out.printf("added %s (%s, %d output classes, dictionary of %d, sha256 %s) as %s; baseline run %d%n",
          m.name(), m.kind(), m.outputClasses(), m.dictionarySize(), m.sha256().substring(0, 12),
          ExternalModels.root(w).resolve(m.name()), run);
      if (m.outside36() > 0) {
        out.printf("  %d of its %d symbols are outside 0-9a-z: readings keep them, the 36-symbol protocol drops them%n",
            m.outside36(), m.dictionarySize());
      }
      out.printf("  maskocr predict --model %s IMAGE... | maskocr eval --model %s --dataset D%n", m.name(), m.name());
    }
    return 0;
  }
}
