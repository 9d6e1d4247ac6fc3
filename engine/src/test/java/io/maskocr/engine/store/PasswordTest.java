package io.maskocr.engine.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.engine.store.localpg.LocalPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server that wants passwords: none given, a wrong one, a prompt; nothing written to disk. */
class PasswordTest {
  @TempDir Path dir;

  @AfterEach
  void noPrompt() {
    PasswordPrompt.use(null);
  }

  @Test
  void aMissingOrWrongPasswordIsNamedAndAPromptedOneIsUsedButNeverStored() throws Exception {
    try (LocalPostgres pg = LocalPostgres.start("owner-secret")) {
      String db = pg.createDatabase("pw");
      pg.execute("CREATE ROLE ana LOGIN PASSWORD 'ana-secret'", "GRANT ALL ON DATABASE " + db + " TO ana");
      pg.executeIn(db, "GRANT ALL ON SCHEMA public TO ana");
      DatabaseUrl url = DatabaseUrl.parse(pg.url(db, "ana"));

      StoreException none = assertThrows(StoreException.class, () -> Workspace.create(dir.resolve("a"), url));
      assertEquals("PostgreSQL server " + url.server() + " asks user 'ana' for a password and none was given: set"
          + " PGPASSWORD or add a line for it to ~/.pgpass", none.getMessage());

      List<String> asked = new ArrayList<>();
      PasswordPrompt.use((server, user) -> {
        asked.add(user + "@" + server);
        return Optional.of((asked.size() == 1 ? "wrong" : "ana-secret").toCharArray());
      });
      try (Workspace ws = Workspace.open(dir.resolve("a"))) {
        ws.datasets().create("d");
        ws.counts(); // a second connection (a reader) takes the accepted password without asking
      }
      assertEquals(List.of("ana@" + url.server(), "ana@" + url.server()), asked, "asked again after a wrong one");
      try (var files = Files.walk(dir)) {
        for (Path p : files.filter(Files::isRegularFile).toList()) {
          assertFalse(Files.readString(p).contains("ana-secret"), p + " holds the password");
        }
      }

      PasswordPrompt.use((server, user) -> Optional.of("still-wrong".toCharArray()));
      StoreException wrong = assertThrows(StoreException.class, () -> Workspace.open(dir.resolve("a")));
      assertTrue(wrong.getMessage().startsWith("PostgreSQL server " + url.server() + " refused user 'ana'"),
          wrong.getMessage());
      assertTrue(wrong.getMessage().contains("PGPASSWORD or ~/.pgpass"), wrong.getMessage());
    }
  }
}
