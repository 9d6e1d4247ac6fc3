package io.maskocr.engine.store;

import java.sql.SQLException;

/**
 * PostgreSQL failures as one line naming the server and what to do. The SQLSTATE classes, not
 * the server's (translated) message text, decide which case it is.
 */
final class PostgresErrors {
  private PostgresErrors() {}

  static StoreException describe(SQLException e, DatabaseUrl url, String user, boolean write) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String server = "PostgreSQL server " + url.server();
    String why = firstLine(e.getMessage());
    String nothing = write ? "; nothing of this change was stored" : "";
    if (state.equals("28P01") || state.equals("28000")) {
      return new StoreException(server + " refused user '" + user + "' (" + why + "): check the password in"
          + " PGPASSWORD or ~/.pgpass, or ask the database owner for access", e);
    }
    if (wantsPassword(e) && !state.startsWith("28")) {
      return new StoreException(server + " asks user '" + user + "' for a password and none was given: set"
          + " PGPASSWORD or add a line for it to ~/.pgpass", e);
    }
    if (state.equals("3D000")) {
      return new StoreException(server + " has no database '" + url.database() + "': create it (createdb "
          + url.database() + ") or fix the workspace's database address", e);
    }
    if (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")) {
      return new ServerUnreachableException("cannot reach " + server + " (" + why + "): check that the server runs and"
          + " the network is up, then try again" + nothing, e);
    }
    if (state.equals("42501")) {
      return new StoreException("user '" + user + "' may not do this on " + server + " (" + why + "): ask the"
          + " workspace owner for the right (README: Team workspaces)" + nothing, e);
    }
    if (state.equals("53100") || state.equals("53200")) {
      return new StoreException(server + " is out of space or memory (" + why + "): tell its administrator"
          + nothing, e);
    }
    return new StoreException(server + ": " + (write ? "write" : "read") + " failed: " + why, e);
  }

  /** The server refused a login for its password: none given (08004 from the driver) or a wrong one. */
  static boolean wantsPassword(SQLException e) {
    String state = String.valueOf(e.getSQLState());
    return state.equals("28P01")
        || (state.equals("08004") && String.valueOf(e.getMessage()).contains("password"));
  }

  private static String firstLine(String m) {
    String s = String.valueOf(m);
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
