package io.maskocr.app.cli;

import io.maskocr.engine.io.ImageLimits;
import io.maskocr.engine.io.ImportFormat;
import io.maskocr.engine.io.ImportRequest;
import io.maskocr.engine.io.ImportSummary;
import io.maskocr.engine.io.Importer;
import io.maskocr.engine.io.Skipped;
import io.maskocr.engine.io.WorkspaceOpener;
import io.maskocr.engine.store.Split;
import io.maskocr.engine.store.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code maskocr import SOURCE --dataset NAME}: images and labels into a workspace dataset. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import images and labels into a dataset (created when missing).",
      "SOURCE is one of: an image folder; a list file (path<TAB>label lines, or",
      "JSON Lines {\"filename\":...,\"text\":...}); a folder holding labels.tsv,",
      "rec_gt.txt or labels.jsonl; an LMDB folder (data.mdb with num-samples,",
      "image-%%09d, label-%%09d).",
      "Bad images (corrupt, empty, truncated, too large, unsupported), bad",
      "labels and bad list lines are skipped with a reason; the import goes on,",
      "ends with a summary and exits 1 when anything was skipped (what was",
      "imported stays). Images are copied into the workspace; the source is never",
      "modified. Ctrl-C stops between batches; what was committed stays."
    },
    footer = {
      "",
      "Examples:",
      "  maskocr import ~/crops --dataset street --label-pattern '{label}_*.png'",
      "  maskocr import data/rec_gt.txt --dataset paddle --split val",
      "  maskocr import data/lmdb/train --dataset mjsynth-sub"
    })
public final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin WorkspaceOption ws;

  @Parameters(index = "0", paramLabel = "SOURCE", description = "Folder, list file or LMDB folder to import.")
  Path source;

  @Option(names = {"-d", "--dataset"}, required = true, paramLabel = "NAME", description = "Target dataset.")
  String dataset;

  @Option(names = "--format", paramLabel = "FORMAT",
      description = "folder, tsv, lmdb or jsonl (default: detected from SOURCE).")
  String format;

  @Option(names = "--split", paramLabel = "SPLIT", description = "train, val or test (default: train).")
  String split;

  @Option(names = "--label-pattern", paramLabel = "PATTERN",
      description = {
        "Folder format: take labels from file names: a glob with",
        "{label} ('{label}_*.png') or a regex whose group 'label'",
        "(or group 1) is the label ('^(.+?)_\\d+')."
      })
  String labelPattern;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: cores).")
  Integer threads;

  @Override
  public Integer call() throws Exception {
    ImportRequest request =
        new ImportRequest(
            source.toAbsolutePath().normalize(),
            dataset,
            format == null ? null : ImportFormat.parse(format),
            split == null ? null : Split.parse(split),
            labelPattern);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // Ctrl-C stops between batches: committed batches stay, the summary says "cancelled"
    AtomicBoolean cancel = new AtomicBoolean();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      cancel.set(true);
      try {
        finished.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "maskocr-import-cancel");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      try (Workspace workspace = WorkspaceOpener.open(ws.resolve());
          ProgressBar bar = ProgressBar.onStderr("importing")) {
        Importer importer =
            threads == null
                ? new Importer(workspace)
                : new Importer(workspace, ImageLimits.DEFAULT, threads, Importer.DEFAULT_BATCH);
        ImportSummary s =
            importer.run(
                request,
                p -> bar.update(p.processed(), p.total(), p.skipped() > 0 ? p.skipped() + " skipped" : null),
                cancel::get);
        bar.close();
        printSummary(out, err, s, workspace);
        if (s.skipped() > 0) {
          // exit 1 so scripts notice; what was imported stays (a re-run imports only the fixed items)
          err.println(spec.qualifiedName() + ": " + s.skipped() + " skipped (listed above); fix or remove them and"
              + " import again: the " + s.imported() + " imported now are kept and will not be added twice");
          err.flush();
          return 1;
        }
      }
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it is waiting for the countDown above
      }
    }
    return 0;
  }

  static void printSummary(PrintWriter out, PrintWriter err, ImportSummary s, Workspace workspace) {
    int shown = 0;
    for (Skipped skipped : s.skippedExamples()) {
      if (shown++ == 10) {
        err.println("  ... (" + (s.skipped() - 10) + " more skipped)");
        break;
      }
      err.println("  skipped " + visible(skipped.toString()) + "; " + skipped.reason().hint());
    }
    double secs = Math.max(1e-9, s.elapsed().toNanos() / 1e9);
    out.printf(Locale.ROOT, "dataset '%s' (%s, %s): %s in %.1f s (%,.0f items/s)%n",
        s.dataset(), s.format().code(), workspace.root(), s.oneLine(), secs,
        (s.imported() + s.duplicates() + s.skipped()) / secs);
    out.flush();
    err.flush();
  }

  /** One printable line: a file name may hold a newline or an escape sequence. */
  static String visible(String s) {
    StringBuilder b = new StringBuilder(s.length());
    s.chars().forEach(ch -> {
      if (ch == '\n') {
        b.append("\\n");
      } else if (Character.getType(ch) == Character.CONTROL) {
        b.append(String.format("\\u%04x", ch));
      } else {
        b.append((char) ch);
      }
    });
    return b.toString();
  }
}
