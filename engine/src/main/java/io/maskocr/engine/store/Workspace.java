package io.maskocr.engine.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A workspace folder: {@code workspace.db} (SQLite, WAL, foreign keys on), {@code images/}
 * (imported images, content-addressed by SHA-256) and {@code runs/} (checkpoints).
 *
 * <p>Thread-safe. All writes go through one connection, one transaction at a time; reads use
 * separate connections and see the last committed state without blocking the writer. Close it
 * when done (try-with-resources). The CLI and the app open workspaces through
 * {@code io.maskocr.engine.io.WorkspaceOpener#open}, which also seeds a new default workspace.
 *
 * <pre>{@code
 * try (Workspace ws = Workspace.open(dir)) {
 *   Dataset d = ws.datasets().require("synth-words");
 *   List<Sample> page = ws.samples().page(SampleQuery.of(d.id(), 100).withLabelSearch("the"));
 * }
 * }</pre>
 */
public final class Workspace implements AutoCloseable {
  /** Database file name inside the workspace folder. */
  public static final String DB_FILE = "workspace.db";

  /** In a team workspace's folder: the PostgreSQL address (one line, never a password). */
  public static final String DATABASE_URL_FILE = "database.url";

  private final Path root;
  private final boolean created;
  private final Db db;
  private final ImageStore images;
  private final Datasets datasets;
  private final Samples samples;
  private final Labels labels;
  private final Predictions predictions;
  private final Runs runs;
  private final QueueLeases leases;

  private Workspace(Path root, boolean created, Db db) {
    this.root = root;
    this.created = created;
    this.db = db;
    this.images = new ImageStore(root.resolve("images"),
        db.dialect() instanceof PostgresDialect ? new ImageBlobs(db) : null);
    this.datasets = new Datasets(db);
    this.samples = new Samples(db);
    this.labels = new Labels(db);
    this.predictions = new Predictions(db);
    this.runs = new Runs(db, root.resolve("runs"));
    this.leases = new QueueLeases(db, predictions.queries());
  }

  /**
   * Opens the workspace in {@code dir}, creating the folder, database and sub-folders when
   * missing and migrating an older schema to the current version.
   *
   * @throws StoreException when the folder cannot be created or the database is unusable
   */
  public static Workspace open(Path dir) {
    return open(dir, Migrations.latestVersion());
  }

  /**
   * Creates a team workspace: the folder {@code dir} (runs, checkpoints, the image cache) records
   * {@code database}, whose schema is created or brought up to date. The database may already
   * hold a team's data: then this folder joins it.
   *
   * @throws StoreException when {@code dir} already is a workspace, or the server is unusable
   */
  public static Workspace create(Path dir, DatabaseUrl database) {
    Path root = dir.toAbsolutePath().normalize();
    if (Files.exists(root.resolve(DB_FILE)) || Files.exists(root.resolve(DATABASE_URL_FILE))) {
      throw new StoreException("folder " + root + " already holds a workspace: choose a new folder");
    }
    try {
      Files.createDirectories(root);
      Files.writeString(root.resolve(DATABASE_URL_FILE), database + "\n");
    } catch (IOException e) {
      throw new StoreException("cannot create workspace folder " + root + ": " + e.getMessage(), e);
    }
    return open(root);
  }

  /** The team database this folder records, if it is a team workspace. */
  public static java.util.Optional<DatabaseUrl> teamDatabase(Path dir) {
    Path file = dir.toAbsolutePath().normalize().resolve(DATABASE_URL_FILE);
    if (!Files.exists(file)) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(DatabaseUrl.parse(Files.readString(file).strip()));
    } catch (IOException | IllegalArgumentException e) {
      throw new StoreException("cannot read the database address in " + file + ": " + e.getMessage(), e);
    }
  }

  /** Opens at a given schema version; only tests of migrations need this. */
  static Workspace open(Path dir, int schemaVersion) {
    Path root = dir.toAbsolutePath().normalize();
    java.util.Optional<DatabaseUrl> team = teamDatabase(root);
    if (team.isPresent()) {
      return openTeam(root, team.get(), schemaVersion);
    }
    boolean created = !Files.exists(root.resolve(DB_FILE));
    try {
      Files.createDirectories(root.resolve("images"));
      Files.createDirectories(root.resolve("runs"));
    } catch (IOException e) {
      throw new StoreException("cannot create workspace folder " + root + ": " + e.getMessage(), e);
    }
    Db db = null;
    try {
      db = new Db(root.resolve(DB_FILE));
      if (!created) {
        requireWritable(root);
        requireSound(root, db);
        requireKnownSchema(root, db);
        backUpBeforeMigrating(root, db, schemaVersion);
      }
      migrate(db, schemaVersion);
      return new Workspace(root, created, db);
    } catch (RuntimeException e) {
      if (db != null) {
        db.close();
      }
      String why = e.getMessage() != null ? e.getMessage() : e.toString();
      if (e instanceof DamagedWorkspaceException d) {
        throw d;
      }
      if (isDamage(e)) {
        throw new DamagedWorkspaceException(Backups.damagedMessage(root, why), e);
      }
      throw e instanceof StoreException se
          ? se
          : new StoreException("cannot open workspace " + root + ": " + why, e);
    }
  }

  private static void migrate(Db db, int schemaVersion) {
    db.writeAutoCommit(
        c -> {
          Migrations.migrate(db.dialect(), c, schemaVersion);
          return null;
        });
  }

  /**
   * A team workspace: the server keeps the data (and its backups, integrity and durability are
   * the server's business); the folder keeps runs and a cache of images.
   */
  private static Workspace openTeam(Path root, DatabaseUrl url, int schemaVersion) {
    try {
      Files.createDirectories(root.resolve("images"));
      Files.createDirectories(root.resolve("runs"));
    } catch (IOException e) {
      throw new StoreException("cannot create workspace folder " + root + ": " + e.getMessage(), e);
    }
    Db db = new Db(new PostgresDialect(url, System::getenv));
    try {
      boolean created = db.read(db.dialect()::version) == 0;
      requireKnownSchema(root, db);
      migrate(db, schemaVersion);
      return new Workspace(root, created, db);
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  /**
   * Refuses a damaged database at open ({@code PRAGMA quick_check}: page structure and formats,
   * linear in the file's size), so damage is never used silently.
   */
  private static void requireSound(Path root, Db db) {
    java.util.List<String> problems = db.read(c -> {
      java.util.List<String> out = new java.util.ArrayList<>();
      try (java.sql.Statement st = c.createStatement(); java.sql.ResultSet r = st.executeQuery("PRAGMA quick_check(5)")) {
        while (r.next()) {
          if (!"ok".equalsIgnoreCase(r.getString(1))) {
            out.add(r.getString(1));
          }
        }
      }
      return out;
    });
    if (!problems.isEmpty()) {
      throw new DamagedWorkspaceException(Backups.damagedMessage(root, String.join("; ", problems)), null);
    }
  }

  /**
   * Refuses a workspace this process cannot write: SQLite would fail later, mid-command, with
   * an error that names neither the folder nor the remedy.
   */
  private static void requireWritable(Path root) {
    if (!Files.isWritable(root) || !Files.isWritable(root.resolve(DB_FILE))) {
      throw new StoreException("workspace " + root + " is read-only: make it writable (chmod -R u+w, or remount its disk read-write) or copy it"
          + " to a writable folder; nothing was changed");
    }
  }

  /** Refuses a database written by a newer release before anything touches it. */
  private static void requireKnownSchema(Path root, Db db) {
    int version = db.read(db.dialect()::version);
    if (version > Migrations.latestVersion()) {
      throw new StoreException("workspace " + root + " (" + db.dialect().where() + ") has schema version " + version + ", newer than this"
          + " MaskOCR Studio reads (" + Migrations.latestVersion() + "): update the application to open it;"
          + " nothing was changed");
    }
  }

  /** A schema migration rewrites tables: keep a copy of the database as it was first. */
  private static void backUpBeforeMigrating(Path root, Db db, int target) {
    int current = db.read(Migrations::version);
    if (current == 0 || current >= Math.min(target, Migrations.latestVersion())) {
      return;
    }
    Path file = Backups.nextDefault(root, "before-schema-" + current + "-to-" + Math.min(target, Migrations.latestVersion()));
    try {
      new Maintenance(db).backupTo(file);
    } catch (java.io.IOException | StoreException e) {
      throw new StoreException("workspace " + root + " needs a schema upgrade (version " + current + " to "
          + Math.min(target, Migrations.latestVersion()) + "), and the backup taken first failed (" + e.getMessage()
          + "): free disk space or make " + Backups.folder(root) + " writable, then open it again; nothing was changed",
          e);
    }
  }

  private static boolean isDamage(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage());
      if (m.contains("SQLITE_CORRUPT") || m.contains("SQLITE_NOTADB") || m.contains("malformed")
          || m.contains("file is not a database")) {
        return true;
      }
    }
    return false;
  }

  /** {@code ~/.maskocr/default}: the workspace used when none is chosen. */
  public static Path defaultDir() {
    return Path.of(System.getProperty("user.home"), ".maskocr", "default");
  }

  /**
   * The workspace folder a command or the app works on, by precedence: an explicit choice
   * ({@code --workspace DIR}), then env {@code MASKOCR_WORKSPACE}, then {@code fallback} (the
   * app's last workspace; may be null), then {@link #defaultDir()}.
   *
   * @param env environment lookup ({@code System::getenv} in production)
   */
  public static Path locate(Path explicit, java.util.function.UnaryOperator<String> env, String fallback) {
    if (explicit != null) {
      return explicit.toAbsolutePath().normalize();
    }
    String fromEnv = env.apply("MASKOCR_WORKSPACE");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv).toAbsolutePath().normalize();
    }
    if (fallback != null && !fallback.isBlank()) {
      return Path.of(fallback);
    }
    return defaultDir();
  }

  /** The schema version this code creates and expects. */
  public static int currentSchemaVersion() {
    return Migrations.latestVersion();
  }

  /** The workspace folder (absolute). */
  public Path root() {
    return root;
  }

  /** True when this {@link #open} created the database (a brand-new workspace). */
  public boolean isNew() {
    return created;
  }

  /** {@code PRAGMA user_version} of the open database. */
  public int schemaVersion() {
    return db.read(db.dialect()::version);
  }

  /**
   * Who this process is to the database, the default author of label entries: the PostgreSQL
   * user in a team workspace, the login name otherwise.
   */
  public String userName() {
    if (isTeam()) {
      return db.read(c -> Sql.one(c, "SELECT current_user", rs -> rs.getString(1)).orElseThrow());
    }
    return System.getProperty("user.name");
  }

  /** True when the database is a team's PostgreSQL server rather than {@code workspace.db}. */
  public boolean isTeam() {
    return db.dialect() instanceof PostgresDialect;
  }

  /** Where the data lives, for messages and {@code maskocr info}: the database file, or server and database. */
  public String databaseDescription() {
    return db.dialect().where();
  }

  /** Row counts of the main tables (one consistent snapshot). */
  public WorkspaceCounts counts() {
    return db.read(
        c -> {
          long[] n = new long[6];
          String[] tables = {"datasets", "samples", "label_history", "predictions", "runs", "checkpoints"};
          try (java.sql.Statement s = c.createStatement()) {
            for (int i = 0; i < tables.length; i++) {
              try (java.sql.ResultSet rs = s.executeQuery("SELECT count(*) FROM " + tables[i])) {
                rs.next();
                n[i] = rs.getLong(1);
              }
            }
          }
          return new WorkspaceCounts(n[0], n[1], n[2], n[3], n[4], n[5]);
        });
  }

  /** The content-addressed image files. */
  public ImageStore images() {
    return images;
  }

  /** Create, list, rename, delete datasets; counts. */
  public Datasets datasets() {
    return datasets;
  }

  /** Insert and page samples, assign splits. */
  public Samples samples() {
    return samples;
  }

  /** Append-only label history and current labels. */
  public Labels labels() {
    return labels;
  }

  /** Recognizer outputs and the lowest-confidence-first queue. */
  public Predictions predictions() {
    return predictions;
  }

  /** Leases on queue items, so annotators sharing a queue never get the same item. */
  public QueueLeases leases() {
    return leases;
  }

  /** Reviews of labels by another person, and agreement per annotator. */
  public Reviews reviews() {
    return new Reviews(db);
  }

  /** Checkpoints published into the database for teammates. */
  public PublishedCheckpoints published() {
    return new PublishedCheckpoints(db, root);
  }

  /** Training runs, their metrics and checkpoints. */
  public Runs runs() {
    return runs;
  }

  /** Integrity check, backups and the image list of the database. */
  public Maintenance maintenance() {
    return new Maintenance(db);
  }

  Db db() {
    return db;
  }

  @Override
  public void close() {
    db.close();
  }
}
