package io.maskocr.engine.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A team database address, {@code postgresql://[user@]host[:port]/database[?sslmode=...]}, as
 * the workspace folder records it. It never holds a password: the password comes from
 * {@code PGPASSWORD}, {@code ~/.pgpass} (read by the driver) or a prompt, so nothing the app
 * writes to disk, logs or run provenance can leak it.
 *
 * @param user the database user, or null for {@code PGUSER} / the login name
 * @param params connection options passed through to the driver (sslmode and friends)
 */
public record DatabaseUrl(String user, String host, int port, String database, Map<String, String> params) {
  /** Options passed to the driver as they are; anything else is refused rather than ignored. */
  private static final Set<String> PASSED =
      Set.of("sslmode", "sslrootcert", "sslcert", "sslkey", "connectTimeout", "socketTimeout", "options",
          "targetServerType", "gssEncMode");

  /** Copies the options (kept in the order given: the address is written back as it was). */
  public DatabaseUrl {
    params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** True when {@code text} names a PostgreSQL database rather than a folder. */
  public static boolean isUrl(String text) {
    return text != null && (text.startsWith("postgresql://") || text.startsWith("postgres://"));
  }

  /**
   * Parses an address.
   *
   * @throws IllegalArgumentException naming what is wrong (a password in it, an unknown option)
   */
  public static DatabaseUrl parse(String text) {
    if (!isUrl(text)) {
      throw new IllegalArgumentException("not a PostgreSQL address (postgresql://host:5432/database): " + text);
    }
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a valid PostgreSQL address: " + e.getMessage(), e);
    }
    String user = uri.getUserInfo();
    if (user != null && user.contains(":")) {
      throw new IllegalArgumentException("the database address must not hold a password (it would be written"
          + " to the workspace folder): drop ':password' and use PGPASSWORD or ~/.pgpass");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("the database address names no host: " + text);
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (path.isEmpty() || path.contains("/")) {
      throw new IllegalArgumentException("the database address names no database (postgresql://host:5432/NAME): " + text);
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String kv : uri.getRawQuery().split("&")) {
        if (kv.isEmpty()) {
          continue;
        }
        int eq = kv.indexOf('=');
        String key = decode(eq < 0 ? kv : kv.substring(0, eq));
        String value = eq < 0 ? "" : decode(kv.substring(eq + 1));
        if (key.equalsIgnoreCase("password")) {
          throw new IllegalArgumentException("the database address must not hold a password (it would be written"
              + " to the workspace folder): use PGPASSWORD or ~/.pgpass");
        }
        if (key.equals("user")) {
          user = value;
          continue;
        }
        if (!PASSED.contains(key)) {
          throw new IllegalArgumentException("unknown database option '" + key + "'; known: " + String.join(", ", PASSED));
        }
        params.put(key, value);
      }
    }
    return new DatabaseUrl(user, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), path, params);
  }

  /** Server and database for messages: {@code host:port/database}. */
  public String server() {
    return host + ":" + port + "/" + database;
  }

  /** The JDBC address (no user, no password: those go in as properties). */
  String jdbc() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /** The address as written to the workspace folder (the user, no password). */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("postgresql://");
    if (user != null) {
      sb.append(user).append('@');
    }
    sb.append(host).append(':').append(port).append('/').append(database);
    String sep = "?";
    for (Map.Entry<String, String> e : params.entrySet()) {
      sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
      sep = "&";
    }
    return sb.toString();
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
