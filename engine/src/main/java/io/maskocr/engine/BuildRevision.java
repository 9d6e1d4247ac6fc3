package io.maskocr.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The code revision this engine was built from, taken at build time (the build writes {@code
 * io/maskocr/engine/build-revision.properties}) rather than by running {@code git} when a run
 * starts: an installation may have no git, or a checkout that has moved on since it was built.
 *
 * @param commit full commit id, or {@code unknown} when the build had no git checkout (a tarball)
 * @param dirty whether the working tree had uncommitted changes at build time (false when unknown)
 */
public record BuildRevision(String commit, boolean dirty) {
  /** The resource the build writes. */
  public static final String RESOURCE = "/io/maskocr/engine/build-revision.properties";

  /** What a build without git records. */
  public static final String UNKNOWN = "unknown";

  private static final BuildRevision CURRENT = load(BuildRevision.class.getResourceAsStream(RESOURCE));

  /** The revision of the running build. */
  public static BuildRevision current() {
    return CURRENT;
  }

  /**
   * Reads a build-revision properties file; a missing stream, an empty file or one without a
   * commit id yields {@code unknown}.
   */
  static BuildRevision load(InputStream in) {
    if (in == null) {
      return new BuildRevision(UNKNOWN, false);
    }
    Properties p = new Properties();
    try (in) {
      p.load(in);
    } catch (IOException e) {
      return new BuildRevision(UNKNOWN, false);
    }
    String commit = p.getProperty("git.commit.id.full", "").strip();
    if (!commit.matches("[0-9a-f]{40}")) {
      return new BuildRevision(UNKNOWN, false);
    }
    return new BuildRevision(commit, Boolean.parseBoolean(p.getProperty("git.dirty", "false").strip()));
  }

  /** The commit with {@code (dirty)} appended when the tree had uncommitted changes. */
  public String describe() {
    return dirty ? commit + " (dirty)" : commit;
  }
}
