package io.maskocr.engine.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Training runs with their metric curves and checkpoints. Obtain via {@link Workspace#runs()}.
 * Checkpoint files belong under {@link #dir(long)}.
 */
public final class Runs {
  private static final String RUN_COLUMNS =
      "id, name, recipe_json, seed, provenance_json, code_version, machine, status, created,"
          + " started, finished, tags, notes";
  private static final String CKPT_COLUMNS = "id, run_id, stage, step, path, metrics_json, created";

  private final Db db;
  private final Path runsDir;

  Runs(Db db, Path runsDir) {
    this.db = db;
    this.runsDir = runsDir;
  }

  /** Records a new run in state {@link RunStatus#CREATED}. */
  public RunRecord create(NewRun run) {
    return db.write(
        c -> Sql.one(c,
                "INSERT INTO runs(name, recipe_json, seed, provenance_json, code_version,"
                    + " machine, status, created, tags, notes)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING " + RUN_COLUMNS,
                Runs::run,
                run.name(),
                run.recipeJson(),
                run.seed(),
                orEmpty(run.provenanceJson()),
                orEmpty(run.codeVersion()),
                orEmpty(run.machine()),
                RunStatus.CREATED.name(),
                Sql.now(),
                String.join("\n", run.tags()),
                orEmpty(run.notes()))
            .orElseThrow());
  }

  /**
   * Changes the status; the first change to RUNNING sets the start time, a change to
   * COMPLETED, STOPPED or FAILED sets the finish time.
   */
  public void setStatus(long runId, RunStatus status) {
    boolean ends =
        status == RunStatus.COMPLETED || status == RunStatus.STOPPED || status == RunStatus.FAILED;
    update(
        runId,
        "UPDATE runs SET status = ?,"
            + " started = CASE WHEN ? AND started IS NULL THEN ? ELSE started END,"
            + " finished = CASE WHEN ? THEN ? ELSE finished END WHERE id = ?",
        status.name(),
        status == RunStatus.RUNNING,
        Sql.now(),
        ends,
        Sql.now(),
        runId);
  }

  /**
   * Replaces what is known about how the run was made once it has started: the full provenance
   * (with its data fingerprints), the code version and the machine. A run is created before its
   * data is read; this completes the record.
   */
  public void setProvenance(long runId, String provenanceJson, String codeVersion, String machine) {
    update(runId, "UPDATE runs SET provenance_json = ?, code_version = ?, machine = ? WHERE id = ?",
        orEmpty(provenanceJson), orEmpty(codeVersion), orEmpty(machine), runId);
  }

  /** Replaces the run's display name, tags and notes (the user's annotations of a run). */
  public void annotate(long runId, String name, List<String> tags, String notes) {
    update(
        runId,
        "UPDATE runs SET name = ?, tags = ?, notes = ? WHERE id = ?",
        name,
        String.join("\n", tags),
        orEmpty(notes),
        runId);
  }

  /** One run. */
  public Optional<RunRecord> get(long runId) {
    return db.read(c -> Sql.one(c, "SELECT " + RUN_COLUMNS + " FROM runs WHERE id = ?", Runs::run, runId));
  }

  /** All runs, newest first. */
  public List<RunRecord> list() {
    return db.read(c -> Sql.list(c, "SELECT " + RUN_COLUMNS + " FROM runs ORDER BY id DESC", Runs::run));
  }

  /** Deletes a run with its metrics and checkpoint rows (files under {@link #dir} stay). */
  public void delete(long runId) {
    update(runId, "DELETE FROM runs WHERE id = ?", runId);
  }

  /**
   * Deletes a run with its metrics, checkpoint rows and its folder {@link #dir} (checkpoint
   * files included). The row goes first, so a failure to delete a file leaves no half-listed run.
   *
   * @throws StoreException naming the file that could not be deleted
   */
  public void deleteWithFiles(long runId) {
    delete(runId);
    Path dir = dir(runId);
    if (!java.nio.file.Files.exists(dir)) {
      return;
    }
    try (java.util.stream.Stream<Path> walk = java.nio.file.Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        java.nio.file.Files.delete(p);
      }
    } catch (java.io.IOException e) {
      throw new StoreException("run " + runId + " was deleted but its folder " + dir
          + " could not be removed: " + e.getMessage() + " (delete it by hand)", e);
    }
  }

  /** Appends metric points in one transaction (call with a batch, e.g. every N steps). */
  public void addMetrics(List<MetricPoint> points) {
    if (points.isEmpty()) {
      return;
    }
    db.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO run_metrics(run_id, stage, step, name, value) VALUES (?, ?, ?, ?, ?)")) {
            for (MetricPoint p : points) {
              Sql.bind(ps, p.runId(), p.stage(), p.step(), p.name(), p.value());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  /** A run's metric points in the order they were added; {@code name} null returns all. */
  public List<MetricPoint> metrics(long runId, String name) {
    String sql =
        "SELECT run_id, stage, step, name, value FROM run_metrics WHERE run_id = ?"
            + (name == null ? "" : " AND name = ?")
            + " ORDER BY " + db.dialect().metricOrder();
    Object[] args = name == null ? new Object[] {runId} : new Object[] {runId, name};
    return db.read(
        c -> Sql.list(c, sql,
            rs -> new MetricPoint(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getDouble(5)),
            args));
  }

  /**
   * Lowest, highest and last value and last step of every metric of every run, computed in one
   * query (one pass over the metrics, nothing per point reaches Java). Infinite values are left
   * out, like non-finite ones everywhere else.
   */
  public List<MetricSummary> metricSummaries() {
    String order = db.dialect().metricOrder();
    String sql =
        "WITH agg AS (SELECT run_id, name, MIN(value) AS lo, MAX(value) AS hi, MAX(step) AS last_step,"
            + " MAX(" + order + ") AS last_row FROM run_metrics"
            + " WHERE value BETWEEN -1.7976931348623157e308 AND 1.7976931348623157e308 GROUP BY run_id, name)"
            + " SELECT agg.run_id, agg.name, agg.lo, agg.hi, m.value, agg.last_step"
            + " FROM agg JOIN run_metrics m ON m." + order + " = agg.last_row ORDER BY agg.run_id, agg.name";
    return db.read(
        c -> Sql.list(c, sql, rs -> new MetricSummary(rs.getLong(1), rs.getString(2), rs.getDouble(3),
            rs.getDouble(4), rs.getDouble(5), rs.getLong(6))));
  }

  /** Records a saved checkpoint and returns it with its id. */
  public CheckpointRecord addCheckpoint(long runId, String stage, long step, String path, String metricsJson) {
    return db.write(
        c -> Sql.one(c,
                "INSERT INTO checkpoints(run_id, stage, step, path, metrics_json, created)"
                    + " VALUES (?, ?, ?, ?, ?, ?) RETURNING " + CKPT_COLUMNS,
                Runs::checkpoint, runId, stage, step, path, metricsJson == null ? "{}" : metricsJson, Sql.now())
            .orElseThrow());
  }

  /** A run's checkpoints in the order they were saved. */
  public List<CheckpointRecord> checkpoints(long runId) {
    return db.read(
        c -> Sql.list(c, "SELECT " + CKPT_COLUMNS + " FROM checkpoints WHERE run_id = ? ORDER BY id",
            Runs::checkpoint, runId));
  }

  /** One checkpoint by id. */
  public Optional<CheckpointRecord> checkpoint(long checkpointId) {
    return db.read(
        c -> Sql.one(c, "SELECT " + CKPT_COLUMNS + " FROM checkpoints WHERE id = ?", Runs::checkpoint, checkpointId));
  }

  /** The folder for a run's files: {@code runs/<id>/} (not created by this call). */
  public Path dir(long runId) {
    return runsDir.resolve(Long.toString(runId));
  }

  private void update(long runId, String sql, Object... args) {
    db.write(
        c -> {
          if (Sql.update(c, sql, args) == 0) {
            throw new StoreException("no run with id " + runId);
          }
          return null;
        });
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static RunRecord run(ResultSet rs) throws SQLException {
    String tags = rs.getString("tags");
    return new RunRecord(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("recipe_json"),
        rs.getLong("seed"),
        rs.getString("provenance_json"),
        rs.getString("code_version"),
        rs.getString("machine"),
        RunStatus.valueOf(rs.getString("status")),
        Sql.instant(rs, "created"),
        Sql.instant(rs, "started"),
        Sql.instant(rs, "finished"),
        tags.isEmpty() ? List.of() : Arrays.asList(tags.split("\n")),
        rs.getString("notes"));
  }

  private static CheckpointRecord checkpoint(ResultSet rs) throws SQLException {
    return new CheckpointRecord(
        rs.getLong("id"),
        rs.getLong("run_id"),
        rs.getString("stage"),
        rs.getLong("step"),
        rs.getString("path"),
        rs.getString("metrics_json"),
        Sql.instant(rs, "created"));
  }
}
