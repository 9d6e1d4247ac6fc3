package io.maskocr.app.cli;

import io.maskocr.app.faults.FaultSuite;
import io.maskocr.app.faults.HostileInputs;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code maskocr bench faults}: SIGKILLs child JVMs mid-operation and counts what was lost. */
@Command(
    name = "faults",
    mixinStandardHelpOptions = true,
    description = {
      "Fault injection: real child JVMs annotate (save, undo, redo), import, export, train (with",
      "checkpoints) and predict, and are killed with SIGKILL at seeded random moments. After each kill:",
      "labels_lost (acknowledged labels, imports, exports, checkpoints or predictions missing),",
      "integrity_failures (PRAGMA integrity_check), torn_files (half-written files taken as complete),",
      "resume_mismatches (training not resuming right after its newest checkpoint). All must be 0.",
      "Then hostile inputs (bad images, paths, labels, recipes) go to the real CLI in-process:",
      "bad_inputs_tried, bad_inputs_clear_error (exit 1 or 2, the file named, no stack trace),",
      "bad_inputs_state_changed (stored data changed; must be 0). The full 65 cases are tests."
    })
public final class BenchFaultsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--kills", paramLabel = "N", defaultValue = "25", description = "Kills per operation (default: ${DEFAULT-VALUE}).")
  int kills;

  @Option(names = "--quick", description = "3 kills per operation.")
  boolean quick;

  @Option(names = "--ops", paramLabel = "OP,...", split = ",",
      description = "Operations (default: all): annotate, import, export, train, predict.")
  List<String> ops;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the kill moments (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", description = "Print one JSON object as the last line.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    int n = quick ? 3 : kills;
    if (n < 1) {
      throw new IllegalArgumentException("--kills must be at least 1");
    }
    Path tmp = Files.createTempDirectory("maskocr-faults");
    long t0 = System.nanoTime();
    try {
      FaultSuite.Report r = new FaultSuite(tmp, seed, n, line -> System.err.println(line))
          .run(ops == null ? FaultSuite.OPERATIONS : ops);
      r.findings().forEach(f -> out.println("finding: " + f));
      HostileInputs.Result h = HostileInputs.run(Files.createDirectories(tmp.resolve("hostile")),
          InProcessCli::run, line -> System.err.println(line));
      h.findings().forEach(f -> out.println("finding: " + f));
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("kills", r.kills());
      m.put("kills_per_operation", r.killsPerOperation());
      m.put("labels_lost", r.labelsLost());
      m.put("integrity_failures", r.integrityFailures());
      m.put("torn_files", r.tornFiles());
      m.put("resume_mismatches", r.resumeMismatches());
      m.put("bad_inputs_tried", h.tried());
      m.put("bad_inputs_clear_error", h.clearError());
      m.put("bad_inputs_state_changed", h.stateChanged());
      m.put("seed", seed);
      m.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
      m.put("targets_met", r.labelsLost() == 0 && r.integrityFailures() == 0 && r.tornFiles() == 0
          && r.resumeMismatches() == 0 && h.clearError() == h.tried() && h.stateChanged() == 0);
      BenchOutput.print(out, m, json);
      return 0;
    } finally {
      try (var s = Files.walk(tmp)) {
        for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** The command line in-process, its output captured. */
}
