package io.maskocr.engine.store;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The rights a team's annotators need on a PostgreSQL workspace database, and no more: read
 * everything, append label entries, take and end queue leases. No DDL, no DELETE, no UPDATE of
 * data (the trigger that keeps the current label on samples runs with its owner's rights).
 * The workspace owner runs these once per role (README: Team workspaces).
 */
public final class TeamRoles {
  private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private TeamRoles() {}

  /**
   * GRANT statements for an annotator role (the role must exist: {@code CREATE ROLE name LOGIN}).
   *
   * @throws IllegalArgumentException when {@code role} is not a plain lower-case identifier
   *     (it is spliced into the statements: GRANT takes no bound parameters)
   */
  public static List<String> annotatorGrants(String role) {
    if (role == null || !ROLE.matcher(role).matches()) {
      throw new IllegalArgumentException("an annotator role is a lower-case name of letters, digits and _: " + role);
    }
    return List.of(
        "GRANT USAGE ON SCHEMA public TO " + role,
        "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role,
        "GRANT INSERT ON label_history TO " + role,
        "GRANT INSERT, UPDATE ON queue_leases TO " + role,
        "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO " + role);
  }
}
