package io.maskocr.engine.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.store.localpg.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What only a team workspace has: the address file, images in the database, roles, server errors. */
class PostgresWorkspaceTest {
  @TempDir Path dir;

  @Test
  void theFolderRecordsTheAddressWithoutAPasswordAndImagesReachAnotherMachine() throws Exception {
    String url = Backend.freshDatabase() + "?sslmode=disable";
    byte[] png = StoreFixtures.png(11, 30, 12);
    String sha = StoreFixtures.sha256(png);
    try (Workspace ws = Workspace.create(dir.resolve("mine"), DatabaseUrl.parse(url))) {
      assertTrue(ws.isTeam());
      ws.images().put(sha, "png", png);
    }
    assertEquals(url.replace("postgresql://", "postgresql://").strip(),
        Files.readString(dir.resolve("mine").resolve(Workspace.DATABASE_URL_FILE)).strip());
    // a teammate's folder on another machine: an empty cache, the same database
    try (Workspace theirs = Workspace.create(dir.resolve("theirs"), DatabaseUrl.parse(url))) {
      assertFalse(Files.exists(theirs.images().path(sha, "png")));
      assertArrayEquals(png, Files.readAllBytes(theirs.images().local(sha, "png")));
      assertEquals(30, theirs.images().read(sha, "png").getWidth());
    }
  }

  @Test
  void anAddressWithAPasswordIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DatabaseUrl.parse("postgresql://ana:secret@db.example:5432/labels"));
    assertTrue(e.getMessage().contains("PGPASSWORD"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("postgresql://db/labels?password=x"));
    DatabaseUrl ok = DatabaseUrl.parse("postgresql://ana@db.example/labels?sslmode=verify-full");
    assertEquals("postgresql://ana@db.example:5432/labels?sslmode=verify-full", ok.toString());
  }

  @Test
  void anAnnotatorRoleCanAnnotateAndIsToldClearlyWhatItMayNotDo() throws Exception {
    LocalPostgres pg = LocalPostgres.shared();
    String owner = Backend.freshDatabase();
    String database = DatabaseUrl.parse(owner).database();
    long sampleId;
    QueueFilter filter;
    try (Workspace ws = Workspace.create(dir.resolve("owner"), DatabaseUrl.parse(owner))) {
      Dataset d = ws.datasets().create("d");
      sampleId = StoreFixtures.addSamples(ws, d.id(), 2, "x").get(0);
      ws.predictions().insertBatch(List.of(new Prediction(sampleId, "ck", "x0", 0.1, null)));
      filter = QueueFilter.all(d.id(), "ck");
    }
    String role = "annotator_" + ProcessHandle.current().pid();
    pg.execute("CREATE ROLE " + role + " LOGIN");
    pg.executeIn(database, TeamRoles.annotatorGrants(role).toArray(String[]::new));

    try (Workspace ws = Workspace.create(dir.resolve("annotator"), DatabaseUrl.parse(pg.url(database, role)))) {
      assertEquals(role, ws.userName());
      LeasedItem leased = ws.leases().next(filter, "s1", null, QueueLeases.DEFAULT_TTL).orElseThrow();
      QueueItem item = leased.item();
      SaveResult r = ws.labels().save(new NewLabel(item.sample().id(), "fixed", ws.userName(), LabelSource.HUMAN),
          leased.seenEntryId(), "s1");
      assertFalse(r.conflict());
      assertEquals("fixed", ws.samples().get(sampleId).orElseThrow().label());
      assertEquals(role, ws.labels().current(sampleId).orElseThrow().author());

      StoreException e = assertThrows(StoreException.class, () -> ws.datasets().delete(item.sample().datasetId()));
      assertTrue(e.getMessage().startsWith("user '" + role + "' may not do this on PostgreSQL server 127.0.0.1:"),
          e.getMessage());
      assertTrue(e.getMessage().contains("ask the workspace owner"), e.getMessage());
      assertFalse(e.getMessage().contains("\n"));
      assertThrows(StoreException.class, () -> ws.datasets().create("new"));
    }
  }

  @Test
  void aServerThatIsDownGivesOneLineNamingItAndWhatToDo() throws Exception {
    Files.createDirectories(dir.resolve("ws"));
    Files.writeString(dir.resolve("ws").resolve(Workspace.DATABASE_URL_FILE), "postgresql://me@127.0.0.1:1/labels\n");
    StoreException e = assertThrows(StoreException.class, () -> Workspace.open(dir.resolve("ws")));
    assertTrue(e.getMessage().startsWith("cannot reach PostgreSQL server 127.0.0.1:1/labels"), e.getMessage());
    assertTrue(e.getMessage().contains("check that the server runs"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void aWrongPasswordNamesTheServerAndWhereThePasswordComesFrom() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://ana@db.example:5433/labels");
    StoreException e = PostgresErrors.describe(
        new SQLException("FATAL: password authentication failed for user \"ana\"", "28P01"), url, "ana", false);
    assertEquals("PostgreSQL server db.example:5433/labels refused user 'ana' (FATAL: password authentication"
        + " failed for user \"ana\"): check the password in PGPASSWORD or ~/.pgpass, or ask the database owner"
        + " for access", e.getMessage());
  }

  @Test
  void aDatabaseOfANewerVersionIsRefusedWithAdvice() throws Exception {
    String url = Backend.freshDatabase();
    try (Workspace ws = Workspace.create(dir.resolve("a"), DatabaseUrl.parse(url))) {
      WorkspaceTest.dbOf(ws).write(c -> Sql.update(c, "UPDATE schema_version SET version = 99"));
    }
    StoreException e = assertThrows(StoreException.class, () -> Workspace.open(dir.resolve("a")));
    assertTrue(e.getMessage().contains("PostgreSQL server 127.0.0.1:"), e.getMessage());
    assertTrue(e.getMessage().contains("schema version 99") && e.getMessage().contains("update the application"),
        e.getMessage());
  }
}
