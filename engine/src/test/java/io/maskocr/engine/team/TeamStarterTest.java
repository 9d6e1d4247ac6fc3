package io.maskocr.engine.team;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.annotate.WorkspaceCheckpoints;
import io.maskocr.engine.store.DatabaseUrl;
import io.maskocr.engine.store.TeamRoles;
import io.maskocr.engine.store.Workspace;
import io.maskocr.engine.store.localpg.LocalPostgres;
import io.maskocr.engine.train.Checkpoints;
import io.maskocr.engine.train.StarterRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An annotator on a team workspace predicts with the bundled starter, and with published models, without creating a run. */
class TeamStarterTest {
  @TempDir Path dir;

  @Test
  void theOwnerRegistersTheStarterAndAnAnnotatorsMachineCopiesItsFiles() throws Exception {
    LocalPostgres pg = LocalPostgres.shared();
    String database = pg.createDatabase("starter");
    long starterRun;
    try (Workspace owner = TeamWorkspaces.createOrJoin(dir.resolve("owner"), DatabaseUrl.parse(pg.url(database, pg.superuser())))) {
      assertEquals(1, owner.runs().list().size(), "the starter is a run from the start");
      starterRun = owner.runs().list().get(0).id();
    }
    String role = "starter_annotator_" + ProcessHandle.current().pid();
    pg.execute("CREATE ROLE " + role + " LOGIN");
    pg.executeIn(database, TeamRoles.annotatorGrants(role).toArray(String[]::new));
    try (Workspace annotator = TeamWorkspaces.createOrJoin(dir.resolve("annotator"), DatabaseUrl.parse(pg.url(database, role)))) {
      // a role that may not create runs: ensure finds the owner's run and copies the files here
      assertEquals(starterRun, StarterRun.ensure(annotator));
      assertTrue(Checkpoints.latest(annotator.runs().dir(starterRun)).isPresent(), "the checkpoint is on this machine");
      assertEquals(1, annotator.runs().list().size(), "no second run");
    }
  }

  @Test
  void aPublishedCheckpointIsListedOnATeammatesMachine() throws Exception {
    LocalPostgres pg = LocalPostgres.shared();
    DatabaseUrl url = DatabaseUrl.parse(pg.url(pg.createDatabase("published"), pg.superuser()));
    String key;
    try (Workspace owner = TeamWorkspaces.createOrJoin(dir.resolve("owner"), url)) {
      long run = owner.runs().list().get(0).id();
      var checkpoint = owner.runs().checkpoints(run).get(0);
      owner.published().publish(checkpoint, "owner-box");
      key = WorkspaceCheckpoints.list(owner).get(0).key();
    }
    try (Workspace mate = TeamWorkspaces.createOrJoin(dir.resolve("mate"), url)) {
      assertTrue(WorkspaceCheckpoints.list(mate).isEmpty(), "nothing on this machine yet");
      WorkspaceCheckpoints.fetchPublished(mate);
      assertEquals(key, WorkspaceCheckpoints.list(mate).get(0).key(), "the published checkpoint is listed");
    }
  }
}
