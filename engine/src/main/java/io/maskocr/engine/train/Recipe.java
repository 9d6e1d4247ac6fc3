package io.maskocr.engine.train;

import java.util.ArrayList;
import java.util.List;

/**
 * A training recipe: ordered stages with hyper-parameters and data, the model, and a seed.
 * Stored with the run, so every result can be traced to the recipe that produced it.
 *
 * @param name recipe name
 * @param description one line for humans
 * @param seed master seed; stage and data seeds are derived from it
 * @param model preset and overrides
 * @param checkpointMinutes save a checkpoint at least this often (default 10)
 * @param logEvery metrics event every N steps (default 10)
 * @param snapshotEvery reconstruction / attention snapshot every N steps (default 100)
 * @param stages the stages, run in order
 * @param init weights to start from instead of random ones: {@code "starter"} (the bundled
 *     starter model), a workspace run id, or a checkpoint folder; null = random initialization.
 *     The model config (and so the charset) then comes from that checkpoint.
 */
public record Recipe(
    String name,
    String description,
    Long seed,
    ModelSpec model,
    Double checkpointMinutes,
    Integer logEvery,
    Integer snapshotEvery,
    List<StageConfig> stages,
    String init) {

  /** Applies defaults and checks that there is at least one stage. */
  @com.fasterxml.jackson.annotation.JsonCreator
  public Recipe {
    name = name == null ? "unnamed" : name;
    description = description == null ? "" : description;
    seed = seed == null ? 42L : seed;
    model = model == null ? new ModelSpec(null, null) : model;
    checkpointMinutes = checkpointMinutes == null ? 10.0 : checkpointMinutes;
    logEvery = logEvery == null ? 10 : Math.max(1, logEvery);
    snapshotEvery = snapshotEvery == null ? 100 : Math.max(1, snapshotEvery);
    if (stages == null || stages.isEmpty()) {
      throw new IllegalArgumentException("recipe " + name + " has no \"stages\"");
    }
    stages = List.copyOf(stages);
    init = init == null || init.isBlank() ? null : init.strip();
  }

  /** A recipe that starts from random weights. */
  public Recipe(String name, String description, Long seed, ModelSpec model, Double checkpointMinutes,
      Integer logEvery, Integer snapshotEvery, List<StageConfig> stages) {
    this(name, description, seed, model, checkpointMinutes, logEvery, snapshotEvery, stages, null);
  }

  /** Total optimizer steps over all stages. */
  public long totalSteps() {
    return stages.stream().mapToLong(StageConfig::steps).sum();
  }

  /** Global step at which stage {@code index} starts. */
  public long stageStart(int index) {
    long s = 0;
    for (int i = 0; i < index; i++) {
      s += stages.get(i).steps();
    }
    return s;
  }

  /** The same recipe with every stage scaled so the total is {@code total} steps. */
  public Recipe scaledTo(long total) {
    if (total <= 0) {
      throw new IllegalArgumentException("--steps must be positive, got " + total);
    }
    List<StageConfig> scaled = new ArrayList<>();
    long sum = totalSteps();
    for (StageConfig s : stages) {
      scaled.add(s.withSteps((int) Math.max(1, Math.round((double) s.steps() * total / sum))));
    }
    return withStages(scaled);
  }

  /** The same recipe with other stages. */
  public Recipe withStages(List<StageConfig> other) {
    return new Recipe(name, description, seed, model, checkpointMinutes, logEvery, snapshotEvery, other, init);
  }

  /** The same recipe under another name. */
  public Recipe withName(String other) {
    return new Recipe(other, description, seed, model, checkpointMinutes, logEvery, snapshotEvery, stages, init);
  }

  /** The same recipe starting from {@code other} (see {@link #init()}; null = random weights). */
  public Recipe withInit(String other) {
    return new Recipe(name, description, seed, model, checkpointMinutes, logEvery, snapshotEvery, stages, other);
  }

  /** The same recipe with another model preset/overrides. */
  public Recipe withModel(ModelSpec m) {
    return new Recipe(name, description, seed, m, checkpointMinutes, logEvery, snapshotEvery, stages, init);
  }
}
