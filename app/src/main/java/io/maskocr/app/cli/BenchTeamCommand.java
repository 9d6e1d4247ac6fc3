package io.maskocr.app.cli;

import io.maskocr.engine.store.localpg.LocalPostgres;
import io.maskocr.engine.store.DatabaseUrl;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.team.TeamBenchmark;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code maskocr bench team}: simulated annotators sharing one PostgreSQL queue. */
@Command(
    name = "team",
    mixinStandardHelpOptions = true,
    description = {
      "Simulated annotators, each on its own connections, lease, read and save items of one queue of",
      "P predictions on a PostgreSQL server for S seconds. Without --database a throwaway local",
      "PostgreSQL 14 is started (binaries from the build) and removed afterwards.",
      "Figures: saves_per_s (target >= 200), next_item_p95_ms (< 20), duplicate_assignments (0),",
      "lost_labels (0, acknowledged saves missing from the history)."
    })
public final class BenchTeamCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--annotators", defaultValue = "8", description = "Simulated annotators (default: ${DEFAULT-VALUE}).")
  int annotators;

  @Option(names = "--seconds", defaultValue = "60", description = "How long they work (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--predictions", defaultValue = "1000000", description = "Queue length (default: ${DEFAULT-VALUE}).")
  int predictions;

  @Option(names = "--database", paramLabel = "URL",
      description = "An empty PostgreSQL database to use instead of a throwaway local server.")
  String database;

  @Option(names = "--json", description = "Print one JSON object as the last line.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    TeamBenchmark bench = new TeamBenchmark(annotators, seconds, predictions);
    Path dir = Files.createTempDirectory("maskocr-bench-team-");
    LocalPostgres local = null;
    try {
      String url = database;
      if (url == null) {
        out.println("starting a throwaway PostgreSQL server...");
        out.flush();
        local = LocalPostgres.start();
        url = local.url(local.createDatabase("bench_team"), local.superuser());
      }
      Workspace.create(dir, DatabaseUrl.parse(url)).close();
      Map<String, Object> r = bench.run(dir, line -> {
        out.println(line);
        out.flush();
      });
      BenchOutput.print(out, r, json);
      return 0;
    } finally {
      if (local != null) {
        local.close();
      }
      deleteQuietly(dir);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var walk = Files.walk(dir)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      // a temporary folder
    }
  }
}
