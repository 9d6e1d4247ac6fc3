package io.maskocr.engine.train;

import io.maskocr.engine.BuildRevision;
import io.maskocr.engine.model.EngineInfo;
import io.maskocr.engine.model.ModelConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything that produced a run, stored with its results: recipe, model, seed, data, code
 * revision, engine and machine. The platform is recorded because float results differ across
 * CPUs, thread counts and native library versions. This is the one place that describes the
 * machine ({@link #machine()}): every run record and report uses it, so two runs' machines
 * compare as equal strings exactly when their platforms match.
 *
 * @param runId the run
 * @param recipe effective recipe (after --steps scaling)
 * @param model resolved model config
 * @param charset charset name
 * @param seed master seed
 * @param data per stage, the data source lines
 * @param gitRevision code revision the engine was built from ({@code unknown} for a build
 *     without git, e.g. from a source tarball); taken at build time, see {@link BuildRevision}
 * @param engine engine facts
 * @param java JVM version and vendor
 * @param os operating system and architecture
 * @param cpus available processors
 * @param startedAt ISO-8601 start time
 * @param resumedFromStep step resumed from (0 for a new run)
 * @param cpuModel the processor's model name ({@code lscpu}'s "Model name"), or {@code unknown}
 * @param gitDirty whether the build's working tree had uncommitted changes
 * @param sources every data source of every stage with its sample count and fingerprint (empty
 *     until the run's stages have resolved their data)
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
    String cpuModel,
    boolean gitDirty,
    List<SourceProvenance> sources) {

  /** Provenance of a run starting now on this machine, before its data is fingerprinted. */
  public static RunProvenance of(
      String runId, Recipe recipe, ModelConfig model, String charset, List<List<String>> data, long resumedFrom) {
    BuildRevision build = BuildRevision.current();
    return new RunProvenance(
        runId, recipe, model, charset, recipe.seed(), data, build.commit(), EngineInfo.current(), javaVersion(),
        osName(), Runtime.getRuntime().availableProcessors(), Instant.now().toString(), resumedFrom, readCpuModel(),
        build.dirty(), List.of());
  }

  /** This provenance with the fingerprints of the run's data sources. */
  public RunProvenance withSources(List<SourceProvenance> fingerprinted) {
    return new RunProvenance(runId, recipe, model, charset, seed, data, gitRevision, engine, java, os, cpus,
        startedAt, resumedFromStep, cpuModel, gitDirty, List.copyOf(fingerprinted));
  }

  /** The machine the run started on: CPU model, cores, OS and Java, in {@link #machine(String, int, String, String)}'s form. */
  public String machine() {
    return machine(cpuModel, cpus, os, java);
  }

  /** The code revision with {@code (dirty)} when the build had uncommitted changes. */
  public String codeVersion() {
    return gitDirty ? gitRevision + " (dirty)" : gitRevision;
  }

  /** This machine, described as {@link #machine()} describes a run's. */
  public static String thisMachine() {
    return machine(readCpuModel(), Runtime.getRuntime().availableProcessors(), osName(), javaVersion());
  }

  /** The one machine string: {@code <cpu model>, <n> cores, <os>, Java <version (vendor)>}. */
  public static String machine(String cpuModel, int cpus, String os, String java) {
    return cpuModel + ", " + cpus + " cores, " + os + ", Java " + java;
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

  private static String javaVersion() {
    return System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
  }

  private static String osName() {
    return System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch");
  }
}
