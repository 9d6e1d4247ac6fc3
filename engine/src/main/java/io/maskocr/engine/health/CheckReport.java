package io.maskocr.engine.health;

import java.util.List;

/**
 * What {@link WorkspaceCheck} found.
 *
 * @param problems one line per problem, naming the file or record and what to do; empty when sound
 * @param imagesChecked distinct image files hashed
 * @param checkpointsChecked checkpoint folders loaded
 */
public record CheckReport(List<String> problems, long imagesChecked, long checkpointsChecked) {
  public CheckReport {
    problems = List.copyOf(problems);
  }

  /** True when nothing is wrong. */
  public boolean ok() {
    return problems.isEmpty();
  }
}
