package io.maskocr.engine.train;

import io.maskocr.engine.io.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.maskocr.engine.store.RunRecord;
import io.maskocr.engine.train.RunDifference.Aspect;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Exactly what differed between two runs' inputs: every recipe field by JSON path, per stage and
 * source the data's sample counts and fingerprints, the code revision (with its dirty flag), the
 * machine, the seed and the init. Times, ids and names are not inputs and are left out. Runs
 * recorded before data fingerprints existed say {@code not recorded} where only one side has them.
 * The CLI's {@code runs diff} prints it; the app's Runs view shows it.
 *
 * @param runA id of run A
 * @param runB id of run B
 * @param differences in aspect order (recipe, data, code, machine, seed, init), then by path
 */
public record RunDiff(long runA, long runB, List<RunDifference> differences) {
  /** Data fields compared per source; the recipe already compares weight, augment and style. */
  private static final List<String> DATA_FIELDS =
      List.of("samples", "labelled", "fingerprint", "filter", "rendererConfigHash");

  /** Compares two stored runs. */
  public static RunDiff of(RunRecord a, RunRecord b) {
    JsonNode pa = parse(a.provenanceJson());
    JsonNode pb = parse(b.provenanceJson());
    List<RunDifference> out = new ArrayList<>();
    recipe(a.recipeJson(), b.recipeJson(), out);
    data(pa, pb, out);
    add(out, Aspect.CODE, "revision", code(a, pa), code(b, pb));
    add(out, Aspect.MACHINE, "machine", machine(a, pa), machine(b, pb));
    add(out, Aspect.MACHINE, "engine", engine(pa), engine(pb));
    add(out, Aspect.SEED, "seed", Long.toString(a.seed()), Long.toString(b.seed()));
    add(out, Aspect.INIT, "init", init(a.recipeJson()), init(b.recipeJson()));
    return new RunDiff(a.id(), b.id(), List.copyOf(out));
  }

  /** True when nothing differs. */
  public boolean same() {
    return differences.isEmpty();
  }

  /** The differences of one aspect. */
  public List<RunDifference> of(Aspect aspect) {
    return differences.stream().filter(d -> d.aspect() == aspect).toList();
  }

  /** A listing: a heading line, then one line per difference ({@link RunDifference#line()}). */
  public List<String> lines() {
    if (same()) {
      return List.of("runs " + runA + " and " + runB + ": nothing differs");
    }
    List<String> out = new ArrayList<>();
    out.add("runs " + runA + " (A) and " + runB + " (B) differ in " + differences.size()
        + (differences.size() == 1 ? " place:" : " places:"));
    differences.forEach(d -> out.add("  " + d.line()));
    return out;
  }

  /** Recipe leaves by path; seed and init are reported as their own aspects. */
  private static void recipe(String a, String b, List<RunDifference> out) {
    Map<String, String> la = JsonLeaves.of(a);
    Map<String, String> lb = JsonLeaves.of(b);
    for (String key : union(la.keySet(), lb.keySet())) {
      if (!key.equals("seed") && !key.equals("init")) {
        add(out, Aspect.RECIPE, key, la.getOrDefault(key, RunDifference.ABSENT), lb.getOrDefault(key, RunDifference.ABSENT));
      }
    }
  }

  private static void data(JsonNode pa, JsonNode pb, List<RunDifference> out) {
    boolean hasA = pa.path("sources").isArray();
    boolean hasB = pb.path("sources").isArray();
    if (hasA != hasB) {
      add(out, Aspect.DATA, "sources", hasA ? pa.path("sources").size() + " recorded" : "not recorded",
          hasB ? pb.path("sources").size() + " recorded" : "not recorded");
      return;
    }
    Map<String, JsonNode> sa = sources(pa);
    Map<String, JsonNode> sb = sources(pb);
    for (String key : union(sa.keySet(), sb.keySet())) {
      JsonNode x = sa.get(key);
      JsonNode y = sb.get(key);
      if (x == null || y == null) {
        add(out, Aspect.DATA, key, x == null ? RunDifference.ABSENT : summary(x), y == null ? RunDifference.ABSENT : summary(y));
        continue;
      }
      for (String f : DATA_FIELDS) {
        add(out, Aspect.DATA, key + ": " + f, text(x.path(f)), text(y.path(f)));
      }
    }
  }

  /** Sources keyed by stage, source index and name, so a changed split shows as removed + added. */
  private static Map<String, JsonNode> sources(JsonNode p) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (JsonNode s : p.path("sources")) {
      String name = switch (s.path("kind").asText()) {
        case "split" -> "split " + s.path("dataset").asText() + "/" + s.path("split").asText();
        case "folder" -> "folder " + s.path("path").asText();
        // another teacher is another source, as another split is
        case "pseudo" -> "pseudo " + s.path("dataset").asText() + "/" + s.path("split").asText() + " by "
            + s.path("pseudo").path("model").asText();
        default -> s.path("kind").asText() + (s.path("style").isTextual() ? " " + s.path("style").asText() : "");
      };
      out.put(String.format("stage %d %s, source %d %s", s.path("stage").asInt(), s.path("stageType").asText(),
          s.path("source").asInt(), name), s);
    }
    return out;
  }

  private static String summary(JsonNode s) {
    return s.path("samples").asLong() + " samples, fingerprint " + text(s.path("fingerprint"));
  }

  private static String code(RunRecord r, JsonNode p) {
    if (!p.path("gitRevision").isTextual()) {
      return r.codeVersion().isEmpty() ? "unknown" : r.codeVersion();
    }
    return p.path("gitRevision").asText() + (p.path("gitDirty").asBoolean(false) ? " (dirty)" : "");
  }

  private static String machine(RunRecord r, JsonNode p) {
    if (p.path("cpuModel").isTextual() && p.path("os").isTextual() && p.path("java").isTextual()) {
      return RunProvenance.machine(p.path("cpuModel").asText(), p.path("cpus").asInt(), p.path("os").asText(),
          p.path("java").asText());
    }
    return r.machine().isEmpty() ? "unknown" : r.machine();
  }

  private static String engine(JsonNode p) {
    JsonNode e = p.path("engine");
    return e.isObject() ? e.path("engine").asText() + " " + e.path("engineVersion").asText() + " (DJL "
        + e.path("djlVersion").asText() + ", " + e.path("threads").asInt() + " threads)" : "unknown";
  }

  private static String init(String recipeJson) {
    JsonNode init = parse(recipeJson).path("init");
    return init.isTextual() ? init.asText() : "none (random weights)";
  }

  private static String text(JsonNode n) {
    return n.isMissingNode() || n.isNull() ? RunDifference.ABSENT : n.isTextual() ? n.asText() : n.toString();
  }

  private static void add(List<RunDifference> out, Aspect aspect, String path, String a, String b) {
    if (!Objects.equals(a, b)) {
      out.add(new RunDifference(aspect, path, a, b));
    }
  }

  private static TreeSet<String> union(java.util.Set<String> a, java.util.Set<String> b) {
    TreeSet<String> s = new TreeSet<>(a);
    s.addAll(b);
    return s;
  }

  private static JsonNode parse(String json) {
    try {
      JsonNode n = Json.mapper().readTree(json == null || json.isBlank() ? "{}" : json);
      return n == null ? Json.mapper().createObjectNode() : n;
    } catch (IOException e) {
      return Json.mapper().createObjectNode();
    }
  }
}
