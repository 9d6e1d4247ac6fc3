package io.maskocr.app.cli;

import io.maskocr.engine.io.ExportRequest;
import io.maskocr.engine.io.ExportSummary;
import io.maskocr.engine.io.Exporter;
import io.maskocr.engine.io.ImportFormat;
import io.maskocr.engine.io.WorkspaceOpener;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code maskocr export --dataset NAME --format F --out DIR}. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export a dataset (or one split) with its current labels into a new or",
      "empty folder. tsv: images/ + labels.tsv; jsonl: images/ + labels.jsonl;",
      "lmdb: data.mdb (the scene-text training layout); folder: files named",
      "<label>_<id>.<ext> (re-import with --label-pattern '{label}_*').",
      "Importing the output gives the same images and labels back."
    })
public final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WorkspaceOption ws;

  @Option(names = {"-d", "--dataset"}, required = true, paramLabel = "NAME", description = "Dataset to export.")
  String dataset;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "tsv",
      description = "tsv, jsonl, lmdb or folder (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR", description = "New or empty output folder.")
  Path out;

  @Option(names = "--split", paramLabel = "SPLIT", description = "Only train, val or test (default: all).")
  String split;

  @Override
  public Integer call() throws Exception {
    ExportRequest request =
        new ExportRequest(dataset, ImportFormat.parse(format), out, split == null ? null : Split.parse(split));
    PrintWriter o = spec.commandLine().getOut();
    try (Workspace workspace = WorkspaceOpener.open(ws.resolve());
        ProgressBar bar = ProgressBar.onStderr("exporting")) {
      ExportSummary s =
          new Exporter(workspace).run(request, p -> bar.update(p.processed(), p.total()), null);
      bar.close();
      o.printf("exported %d samples of '%s' as %s to %s%s%n", s.written(), s.dataset(), s.format().code(),
          s.out(), s.labelsAltered() > 0 ? " (" + s.labelsAltered() + " labels altered to fit the format)" : "");
      o.flush();
    }
    return 0;
  }
}
