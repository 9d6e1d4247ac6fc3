package io.maskocr.app.faults;

import io.maskocr.engine.annotate.AnnotationSession;
import io.maskocr.engine.annotate.FinetuneOutcome;
import io.maskocr.engine.annotate.FinetuneRequest;
import io.maskocr.engine.annotate.FinetuneRound;
import io.maskocr.engine.annotate.WorkspaceCheckpoints;
import io.maskocr.engine.annotate.PredictionJob;
import io.maskocr.engine.annotate.PredictionTarget;
import io.maskocr.engine.infer.Recognizer;
import io.maskocr.engine.io.ExportRequest;
import io.maskocr.engine.io.Exporter;
import io.maskocr.engine.io.ImportFormat;
import io.maskocr.engine.io.ImportRequest;
import io.maskocr.engine.io.Importer;
import io.maskocr.engine.run.RunLauncher;
import io.maskocr.engine.run.Ticket;
import io.maskocr.engine.store.Dataset;
import io.maskocr.engine.store.LabelEntry;
import io.maskocr.engine.store.Sample;
import io.maskocr.engine.store.SampleQuery;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.StarterModel;
import io.maskocr.engine.train.TrainingEvent;
import io.maskocr.engine.train.TrainingOptions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The child process of the fault-injection suite: repeats one operation on a workspace until it
 * is killed, and prints an {@code ACK} line (flushed) each time the operation has told its
 * caller it is done, which is the promise the parent then checks after SIGKILL:
 *
 * <pre>
 * ACK label SAMPLE ENTRY        annotate: save / undo / redo returned; ENTRY is the current label
 * ACK import DATASET COUNT      import returned
 * ACK export DIR COUNT          export returned
 * ACK checkpoint STEP DIR       the trainer announced a saved checkpoint
 * RESUMED STEP / LOSS STEP L    train: where it resumed, and each step's loss
 * ACK predict ROUND COUNT       a prediction job returned
 * ACK finetune RUN CHECKPOINT   a fine-tune round on corrections returned
 * </pre>
 *
 * Usage: {@code FaultWorkload OP WORKSPACE SEED [ARG]}.
 */
public final class FaultWorkload {
  private FaultWorkload() {}

  public static void main(String[] args) throws Exception {
    String op = args[0];
    Path root = Path.of(args[1]);
    SplittableRandom random = new SplittableRandom(Long.parseLong(args[2]));
    PrintStream out = System.out;
    try (Workspace ws = Workspace.open(root)) {
      if (!op.equals("train") && !op.equals("predict") && !op.equals("finetune")) {
        ready(out);
      }
      switch (op) {
        case "annotate" -> annotate(ws, random, out);
        case "import" -> importLoop(ws, Path.of(args[3]), out);
        case "export" -> exportLoop(ws, Path.of(args[3]), out);
        case "train" -> train(ws, out);
        case "predict" -> predict(ws, out);
        case "finetune" -> finetune(ws, out);
        default -> throw new IllegalArgumentException("unknown operation " + op);
      }
    }
  }

  /** Tells the parent that the real work begins now (after engine and model start-up), so kills land in it. */
  private static void ready(PrintStream out) {
    out.println("READY");
    out.flush();
  }

  private static void annotate(Workspace ws, SplittableRandom random, PrintStream out) {
    Dataset d = ws.datasets().require(FaultSuite.DATASET);
    List<Sample> samples = ws.samples().page(SampleQuery.of(d.id(), 10_000));
    AnnotationSession session = new AnnotationSession(ws, "fault-suite", System::currentTimeMillis);
    for (long n = 0; ; n++) {
      int roll = random.nextInt(10);
      long sampleId;
      if (roll < 7 || !session.canUndo()) {
        sampleId = samples.get(random.nextInt(samples.size())).id();
        session.save(sampleId, "w" + n + "-" + Long.toHexString(random.nextLong()), null);
      } else if (roll < 9) {
        sampleId = session.undo().orElseThrow().sampleId();
      } else if (session.canRedo()) {
        sampleId = session.redo().orElseThrow().sampleId();
      } else {
        continue;
      }
      LabelEntry current = ws.labels().current(sampleId).orElseThrow();
      out.println("ACK label " + sampleId + " " + current.id());
      out.flush();
    }
  }

  /** Imports in turn a labels.tsv list, the same folder as a folder dataset, and an LMDB. */
  private static void importLoop(Workspace ws, Path sources, PrintStream out) throws Exception {
    for (int i = ws.datasets().list().size(); ; i++) {
      String name = "imported-" + i;
      ImportFormat format = List.of(ImportFormat.TSV, ImportFormat.FOLDER, ImportFormat.LMDB).get(i % 3);
      Path source = sources.resolve(format == ImportFormat.LMDB ? "lmdb" : "tsv");
      var summary = new Importer(ws).run(new ImportRequest(source, name, format, null, null), null, null);
      out.println("ACK import " + name + " " + summary.imported());
      out.flush();
    }
  }

  private static void exportLoop(Workspace ws, Path outDir, PrintStream out) throws Exception {
    for (long i = System.nanoTime(); ; i++) {
      Path target = outDir.resolve("export-" + i);
      var summary = new Exporter(ws).run(new ExportRequest(FaultSuite.DATASET, ImportFormat.TSV, target, null), null, null);
      out.println("ACK export " + target + " " + summary.written());
      out.flush();
    }
  }

  private static void train(Workspace ws, PrintStream out) throws Exception {
    long run = ws.runs().list().isEmpty() ? -1 : ws.runs().list().get(0).id();
    Ticket t = run < 0
        ? RunLauncher.of(ws).submit("fault-suite", FaultSuite.tinyRecipe(), List.of(), "", null, TrainingOptions.unlimited())
        : RunLauncher.of(ws).resumeRun(run, null, TrainingOptions.unlimited());
    boolean[] first = {true};
    t.addListener(e -> {
      if (e instanceof TrainingEvent.Metrics m && first[0]) {
        first[0] = false;
        out.println("RESUMED " + (m.step() - 1)); // logEvery 1: the first step after the saved one
        ready(out);
      }
      if (e instanceof TrainingEvent.Metrics m) {
        // every step's loss: the parent compares the first one after a resume with an uninterrupted run
        out.println("LOSS " + m.step() + " " + m.loss());
        out.flush();
      }
      if (e instanceof TrainingEvent.CheckpointSaved c) {
        out.println("ACK checkpoint " + c.step() + " " + c.directory());
        out.flush();
      }
    });
    t.awaitEnd(1, TimeUnit.DAYS);
    out.println("DONE");
    out.flush();
    Thread.sleep(Long.MAX_VALUE); // the parent kills us; a finished run is not a kill point
  }

  private static void finetune(Workspace ws, PrintStream out) throws Exception {
    String base = WorkspaceCheckpoints.listOrStarter(ws).get(0).key();
    ready(out);
    for (int round = 0; ; round++) {
      FinetuneOutcome o = new FinetuneRound(ws).run(FinetuneRequest.quick(base, FaultSuite.DATASET).withSteps(12),
          null, null);
      out.println("ACK finetune " + o.runId() + " " + o.trained());
      out.flush();
    }
  }

  private static void predict(Workspace ws, PrintStream out) throws Exception {
    Dataset d = ws.datasets().require(FaultSuite.DATASET);
    try (Recognizer r = Recognizer.load(StarterModel.require())) {
      ready(out);
      for (int round = 0; ; round++) {
        var summary = new PredictionJob(ws, r).run(PredictionTarget.dataset(d.id()), null, null);
        out.println("ACK predict " + round + " " + summary.predicted());
        out.flush();
      }
    }
  }
}
