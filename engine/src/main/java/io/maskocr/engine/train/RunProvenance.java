package io.maskocr.engine.train;

import io.maskocr.engine.MaskocrHome;
import io.maskocr.engine.model.EngineInfo;
import io.maskocr.engine.model.ModelConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Everything that produced a run, stored with its results: recipe, model, seed, data, code
 * revision, engine and machine. The platform is recorded because float results differ across
 * CPUs, thread counts and native library versions.
 *
 * @param runId the run
 * @param recipe effective recipe (after --steps scaling)
 * @param model resolved model config
 * @param charset charset name
 * @param seed master seed
 * @param data per stage, the data source lines
 * @param gitRevision code revision ({@code unknown} outside a git checkout)
 * @param engine engine facts
 * @param java JVM version and vendor
 * @param os operating system and architecture
 * @param cpus available processors
 * @param startedAt ISO-8601 start time
 * @param resumedFromStep step resumed from (0 for a new run)
 * @param cpuModel the processor's model name ({@code lscpu}'s "Model name"), or {@code unknown}
 */
public record RunProvenance(
    String runId,
    Recipe recipe,
    ModelConfig model,
    String charset,
    long seed,
    List<List<String>> data,
    String gitRevision,
    EngineInfo engine,
    String java,
    String os,
    int cpus,
    String startedAt,
    long resumedFromStep,
    String cpuModel) {

  /** Provenance of a run starting now on this machine. */
  public static RunProvenance of(
      String runId, Recipe recipe, ModelConfig model, String charset, List<List<String>> data, long resumedFrom) {
    return new RunProvenance(
        runId, recipe, model, charset, recipe.seed(), data, readGitRevision(), EngineInfo.current(),
        System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(), Instant.now().toString(), resumedFrom, readCpuModel());
  }

  /** The processor model of this machine (first "model name" of /proc/cpuinfo), or {@code unknown}. */
  public static String readCpuModel() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).strip())
          .findFirst().orElse("unknown");
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }

  /** {@code git rev-parse HEAD} of the installation, or {@code unknown}. */
  public static String readGitRevision() {
    try {
      Process p = new ProcessBuilder("git", "rev-parse", "HEAD")
          .directory(MaskocrHome.root().toFile())
          .redirectErrorStream(true)
          .start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 && out.matches("[0-9a-f]{40}")) {
        return out;
      }
    } catch (Exception e) {
      // not a checkout, or git missing: provenance says so
    }
    return "unknown";
  }
}
