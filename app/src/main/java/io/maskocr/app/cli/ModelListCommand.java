package io.maskocr.app.cli;

import io.maskocr.engine.external.ExternalModel;
import io.maskocr.engine.external.ExternalModels;
import io.maskocr.engine.store.Workspace;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code maskocr model list}: the workspace's external models. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the workspace's external models.")
public final class ModelListCommand implements Callable<Integer> {
  @Mixin WorkspaceOption ws;
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    java.io.PrintWriter out = spec.commandLine().getOut();
    try (Workspace w = Workspace.open(ws.resolve())) {
      List<ExternalModel> all = ExternalModels.list(w);
      if (all.isEmpty()) {
        out.println("no external models (maskocr model add FILE.onnx --kind ppocr-rec|parseq --keys DICT.txt)");
      }
      for (ExternalModel m : all) {
        out.printf("%s\t%s\t%d classes\t%.1f MB\tsha256 %s\t%s (added %s)%n", m.name(), m.kind(), m.outputClasses(),
            m.bytes() / 1e6, m.sha256().substring(0, 12), m.source(), m.added());
      }
    }
    return 0;
  }
}
