package io.maskocr.engine.team;

import io.maskocr.engine.store.DatabaseUrl;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.train.StarterModel;
import io.maskocr.engine.train.StarterRun;
import java.io.IOException;
import java.nio.file.Path;

/** Creating or joining a team workspace, as the CLI and File > New team workspace… do. */
public final class TeamWorkspaces {
  private TeamWorkspaces() {}

  /**
   * Opens the workspace folder {@code root} on the database {@code url}, creating its schema when
   * the database is empty. The one who creates it registers the bundled starter model as a run:
   * the owner may create runs, annotators' roles may not, and every teammate's Annotate then
   * predicts with the starter from the first minute (their installation copies its files).
   */
  public static Workspace createOrJoin(Path root, DatabaseUrl url) throws IOException {
    Workspace ws = Workspace.create(root, url);
    try {
      if (ws.isNew() && StarterModel.directory().isPresent()) {
        StarterRun.ensure(ws);
      }
      return ws;
    } catch (IOException | RuntimeException e) {
      ws.close();
      throw e;
    }
  }
}
