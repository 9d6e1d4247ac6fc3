package io.maskocr.app.cli;

import io.maskocr.engine.store.DatabaseUrl;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.team.TeamWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code maskocr workspace create DIR [--database postgresql://...]}. */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description = {
      "Create a workspace folder. With --database its data lives on a PostgreSQL server (14 or newer)",
      "that the team shares; the folder keeps runs, checkpoints and a cache of images and records the",
      "address (never a password: use PGPASSWORD or ~/.pgpass). A database that already holds a team's",
      "workspace is joined, not changed."
    })
public final class WorkspaceCreateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "DIR", description = "The new workspace folder.")
  Path dir;

  @Option(names = "--database", paramLabel = "URL",
      description = "postgresql://[user@]host[:port]/database[?sslmode=require]")
  String database;

  @Override
  public Integer call() throws java.io.IOException {
    Path root = dir.toAbsolutePath().normalize();
    if (database == null) {
      if (Files.exists(root.resolve(Workspace.DB_FILE)) || Files.exists(root.resolve(Workspace.DATABASE_URL_FILE))) {
        throw new IllegalArgumentException("folder " + root + " already holds a workspace: choose a new folder");
      }
      try (Workspace ws = Workspace.open(root)) {
        spec.commandLine().getOut().printf("created workspace %s (%s, schema %d)%n", ws.root(),
            ws.databaseDescription(), ws.schemaVersion());
      }
      return 0;
    }
    try (Workspace ws = TeamWorkspaces.createOrJoin(root, DatabaseUrl.parse(database))) {
      spec.commandLine().getOut().printf("%s team workspace %s on %s (schema %d, %d datasets) as user %s%n",
          ws.isNew() ? "created" : "joined", ws.root(), ws.databaseDescription(), ws.schemaVersion(),
          ws.counts().datasets(), ws.userName());
    }
    return 0;
  }
}
