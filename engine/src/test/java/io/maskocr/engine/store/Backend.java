package io.maskocr.engine.store;

import io.maskocr.engine.store.localpg.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The two store back ends, for tests that must pass on both: SQLite in the folder, or a fresh
 * database on this JVM's throwaway PostgreSQL server ({@link LocalPostgres#shared()}).
 */
public enum Backend {
  SQLITE,
  POSTGRESQL;

  /** Opens (creating on first use) a workspace in {@code dir} on this back end. */
  public Workspace open(Path dir) {
    if (this == SQLITE || Files.exists(dir.resolve(Workspace.DATABASE_URL_FILE))) {
      return Workspace.open(dir);
    }
    return Workspace.create(dir, DatabaseUrl.parse(freshDatabase()));
  }

  /** The address of a new empty database on the shared test server (as its superuser). */
  public static String freshDatabase() {
    LocalPostgres pg = LocalPostgres.shared();
    return pg.url(pg.createDatabase("ws"), pg.superuser());
  }
}
