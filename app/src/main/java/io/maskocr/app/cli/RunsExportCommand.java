package io.maskocr.app.cli;

import io.maskocr.engine.infer.onnx.OnnxExport;
import io.maskocr.engine.infer.onnx.RecognizerGraph;
import io.maskocr.engine.store.Workspace;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code maskocr runs export RUN --onnx FILE}: a run's recognizer as a standalone ONNX model. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write a run's newest checkpoint (or 'starter') as an ONNX model for any ONNX runtime, with a JSON file",
      "beside it naming the input, the preprocessing, the outputs and the class of every output index."
    })
public final class RunsExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WorkspaceOption ws;

  @Parameters(paramLabel = "RUN", description = "The run id, or 'starter'.")
  String run;

  @Option(names = "--onnx", required = true, paramLabel = "FILE", description = "The model file to write (ends in .onnx).")
  Path onnx;

  @Option(names = "--int8", description = "Linear layers in int8 (smaller and faster on CPUs with VNNI, slightly less accurate).")
  boolean int8;

  @Override
  public Integer call() throws Exception {
    try (Workspace w = Workspace.open(ws.resolve())) {
      OnnxExport.Written out = OnnxExport.write(w.runs().dir(RunArgument.resolve(w, run)), onnx,
          int8 ? RecognizerGraph.Precision.INT8 : RecognizerGraph.Precision.FP32);
      spec.commandLine().getOut().printf("exported %s to %s (%,d bytes, sha256 %s)%ndescribed in %s%n",
          out.checkpointId(), out.onnx(), out.bytes(), out.sha256(), out.description());
      return 0;
    }
  }
}
