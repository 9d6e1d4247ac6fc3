package io.maskocr.engine.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The workspace schema as a list of forward-only steps, versioned with
 * {@code PRAGMA user_version}. A database at version n gets steps n+1.. applied, each in its
 * own transaction together with the version bump, so a crash never leaves a half step.
 */
final class Migrations {
  private Migrations() {}

  static final String TEAM_STEP = "label conflicts kept in history, queue leases";
  static final String PUBLISH_STEP = "checkpoints published into the database for teammates";

  /** The current label: the newest entry that did not lose a save race. */
  static final String CURRENT_LABELS_V6 =
      "SELECT h.sample_id, h.id AS entry_id, h.text, h.author, h.source, h.time, h.kind"
          + " FROM label_history h"
          + " WHERE h.id = (SELECT max(id) FROM label_history x WHERE x.sample_id = h.sample_id AND x.conflict = 0)";

  static final List<Migration> STEPS =
      List.of(
          new Migration(
              1,
              "datasets, samples, label history and the current-label view",
              List.of(
                  "CREATE TABLE datasets ("
                      + " id INTEGER PRIMARY KEY,"
                      + " name TEXT NOT NULL UNIQUE,"
                      + " created INTEGER NOT NULL)",
                  "CREATE TABLE samples ("
                      + " id INTEGER PRIMARY KEY,"
                      + " dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,"
                      + " sha256 TEXT NOT NULL,"
                      + " format TEXT NOT NULL,"
                      + " width INTEGER NOT NULL,"
                      + " height INTEGER NOT NULL,"
                      + " original_name TEXT NOT NULL,"
                      + " split TEXT NOT NULL DEFAULT 'train' CHECK (split IN ('train','val','test')),"
                      + " created INTEGER NOT NULL)",
                  // one image once per dataset; also the duplicate check of imports
                  "CREATE UNIQUE INDEX samples_dataset_image ON samples(dataset_id, sha256)",
                  // paging per dataset (and per split) in id order: the rowid is the last key
                  "CREATE INDEX samples_dataset ON samples(dataset_id)",
                  "CREATE INDEX samples_dataset_split ON samples(dataset_id, split)",
                  "CREATE TABLE label_history ("
                      + " id INTEGER PRIMARY KEY,"
                      + " sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,"
                      + " text TEXT NOT NULL,"
                      + " author TEXT NOT NULL,"
                      + " source TEXT NOT NULL CHECK (source IN ('import','human','model')),"
                      + " time INTEGER NOT NULL)",
                  "CREATE INDEX label_history_sample ON label_history(sample_id, id)",
                  "CREATE VIEW current_labels AS"
                      + " SELECT h.sample_id, h.id AS entry_id, h.text, h.author, h.source, h.time"
                      + " FROM label_history h"
                      + " WHERE h.id = (SELECT max(id) FROM label_history x WHERE x.sample_id = h.sample_id)")),
          new Migration(
              2,
              "predictions with the lowest-confidence-first queue index",
              List.of(
                  "CREATE TABLE predictions ("
                      + " id INTEGER PRIMARY KEY,"
                      + " sample_id INTEGER NOT NULL REFERENCES samples(id) ON DELETE CASCADE,"
                      + " dataset_id INTEGER NOT NULL REFERENCES datasets(id) ON DELETE CASCADE,"
                      + " checkpoint TEXT NOT NULL,"
                      + " text TEXT NOT NULL,"
                      + " confidence REAL NOT NULL,"
                      + " char_probs BLOB,"
                      + " created INTEGER NOT NULL,"
                      + " UNIQUE (sample_id, checkpoint))",
                  // dataset_id is copied from the sample so the queue is one index range scan
                  "CREATE INDEX predictions_queue"
                      + " ON predictions(dataset_id, checkpoint, confidence, sample_id)")),
          new Migration(
              3,
              "runs, run metrics and checkpoints",
              List.of(
                  "CREATE TABLE runs ("
                      + " id INTEGER PRIMARY KEY,"
                      + " name TEXT NOT NULL,"
                      + " recipe_json TEXT NOT NULL,"
                      + " seed INTEGER NOT NULL,"
                      + " provenance_json TEXT NOT NULL,"
                      + " code_version TEXT NOT NULL,"
                      + " machine TEXT NOT NULL,"
                      + " status TEXT NOT NULL,"
                      + " created INTEGER NOT NULL,"
                      + " started INTEGER,"
                      + " finished INTEGER,"
                      + " tags TEXT NOT NULL DEFAULT '',"
                      + " notes TEXT NOT NULL DEFAULT '')",
                  "CREATE TABLE run_metrics ("
                      + " run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                      + " stage TEXT NOT NULL,"
                      + " step INTEGER NOT NULL,"
                      + " name TEXT NOT NULL,"
                      + " value REAL NOT NULL)",
                  "CREATE INDEX run_metrics_run ON run_metrics(run_id, name, stage, step)",
                  "CREATE TABLE checkpoints ("
                      + " id INTEGER PRIMARY KEY,"
                      + " run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                      + " stage TEXT NOT NULL,"
                      + " step INTEGER NOT NULL,"
                      + " path TEXT NOT NULL,"
                      + " metrics_json TEXT NOT NULL DEFAULT '{}',"
                      + " created INTEGER NOT NULL)",
                  "CREATE INDEX checkpoints_run ON checkpoints(run_id, stage, step)")),
          new Migration(
              4,
              "indexed copy of the current label on samples, kept by a trigger, for label search",
              List.of(
                  "ALTER TABLE samples ADD COLUMN label TEXT",
                  "UPDATE samples SET label ="
                      + " (SELECT text FROM current_labels c WHERE c.sample_id = samples.id)",
                  // the history is append-only, so the newest row is always the current label
                  "CREATE TRIGGER label_history_current AFTER INSERT ON label_history BEGIN"
                      + " UPDATE samples SET label = new.text WHERE id = new.sample_id; END",
                  "CREATE TRIGGER label_history_append_only BEFORE UPDATE ON label_history BEGIN"
                      + " SELECT RAISE(ABORT, 'label history is append-only'); END",
                  // covering index: a label search scans one dataset's labels, not the table
                  "CREATE INDEX samples_dataset_label ON samples(dataset_id, label)")),
          new Migration(
              5,
              "label kinds (text, illegible, cleared) and the current label's kind and source on samples",
              List.of(
                  // an annotator can mark an image illegible or take a first label back (undo);
                  // both are appended like any label change, so history stays complete
                  "ALTER TABLE label_history ADD COLUMN kind TEXT NOT NULL DEFAULT 'text'"
                      + " CHECK (kind IN ('text','illegible','cleared'))",
                  "ALTER TABLE samples ADD COLUMN illegible INTEGER NOT NULL DEFAULT 0",
                  // who made the current label: the queue counts what a person has reviewed
                  "ALTER TABLE samples ADD COLUMN label_source TEXT",
                  "UPDATE samples SET label_source ="
                      + " (SELECT source FROM current_labels c WHERE c.sample_id = samples.id)",
                  "DROP VIEW current_labels",
                  "CREATE VIEW current_labels AS"
                      + " SELECT h.sample_id, h.id AS entry_id, h.text, h.author, h.source, h.time, h.kind"
                      + " FROM label_history h"
                      + " WHERE h.id = (SELECT max(id) FROM label_history x WHERE x.sample_id = h.sample_id)",
                  "DROP TRIGGER label_history_current",
                  // an illegible or cleared sample has no label: training and search skip it
                  "CREATE TRIGGER label_history_current AFTER INSERT ON label_history BEGIN"
                      + " UPDATE samples SET label = CASE WHEN new.kind = 'text' THEN new.text END,"
                      + " illegible = (new.kind = 'illegible'), label_source = new.source"
                      + " WHERE id = new.sample_id; END")),
          new Migration(
              6,
              TEAM_STEP,
              List.of(
                  // an entry that lost a race (someone saved first) stays in the history but is
                  // never current; based_on is the entry its author had on screen
                  "ALTER TABLE label_history ADD COLUMN conflict INTEGER NOT NULL DEFAULT 0",
                  "ALTER TABLE label_history ADD COLUMN based_on INTEGER",
                  "DROP VIEW current_labels",
                  "CREATE VIEW current_labels AS " + CURRENT_LABELS_V6,
                  "DROP TRIGGER label_history_current",
                  "CREATE TRIGGER label_history_current AFTER INSERT ON label_history WHEN new.conflict = 0 BEGIN"
                      + " UPDATE samples SET label = CASE WHEN new.kind = 'text' THEN new.text END,"
                      + " illegible = (new.kind = 'illegible'), label_source = new.source"
                      + " WHERE id = new.sample_id; END",
                  // one annotator per queue item until the lease expires (a crashed app's lapses)
                  "CREATE TABLE queue_leases ("
                      + " sample_id INTEGER PRIMARY KEY REFERENCES samples(id) ON DELETE CASCADE,"
                      + " holder TEXT NOT NULL,"
                      + " expires INTEGER NOT NULL)",
                  "CREATE INDEX queue_leases_expires ON queue_leases(expires)")),
          new Migration(
              7,
              PUBLISH_STEP,
              List.of(
                  // a checkpoint's files, zipped, so a teammate without the training machine's disk
                  // can predict with it; training itself stays on the machine that trains
                  "CREATE TABLE published_checkpoints ("
                      + " checkpoint_id INTEGER PRIMARY KEY REFERENCES checkpoints(id) ON DELETE CASCADE,"
                      + " zip BLOB NOT NULL,"
                      + " sha256 TEXT NOT NULL,"
                      + " machine TEXT NOT NULL,"
                      + " created INTEGER NOT NULL)")));

  /** The version a fully migrated database has. */
  static int latestVersion() {
    return STEPS.get(STEPS.size() - 1).version();
  }

  /** Reads {@code PRAGMA user_version} (of a SQLite database). */
  static int version(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /**
   * Brings the database to {@code target} (at most the latest version). Refuses a database
   * made by a newer MaskOCR Studio rather than guess at its schema.
   */
  static void migrate(Dialect d, Connection c, int target) throws SQLException {
    int current = d.version(c);
    if (current > latestVersion()) {
      throw new StoreException(
          "workspace schema version " + current + " is newer than this MaskOCR Studio supports ("
              + latestVersion() + "): update the application");
    }
    for (Migration m : d.migrations()) {
      if (m.version() <= current || m.version() > target) {
        continue;
      }
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        d.lockSchema(c);
        if (d.version(c) >= m.version()) {
          c.rollback(); // another process applied it while we waited for the lock
          continue;
        }
        for (String sql : m.statements()) {
          s.execute(sql);
        }
        d.setVersion(c, m.version());
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw new StoreException(
            "schema migration to version " + m.version() + " (" + m.description() + ") failed: "
                + d.describe(e, true).getMessage(), e);
      } catch (RuntimeException e) {
        c.rollback();
        throw new StoreException(
            "schema migration to version " + m.version() + " (" + m.description() + ") failed: "
                + e.getMessage(), e);
      } finally {
        c.setAutoCommit(auto);
      }
    }
  }
}
