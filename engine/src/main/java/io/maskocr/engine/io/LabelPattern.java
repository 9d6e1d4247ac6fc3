package io.maskocr.engine.io;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Takes a label from a file name. Two spellings:
 *
 * <ul>
 *   <li>a glob with {@code {label}}: {@code {label}_*.png} matches {@code hello_00017.png} with
 *       label {@code hello}; {@code *} is any text, {@code ?} one character. The label part is
 *       greedy, so {@code a_b_12.png} gives {@code a_b}.
 *   <li>otherwise a regular expression searched in the file name; the label is the group named
 *       {@code label}, else group 1: {@code ^(.+?)_\d+}.
 * </ul>
 */
public final class LabelPattern {
  private final String spelling;
  private final Pattern pattern;
  private final boolean glob;

  private LabelPattern(String spelling, Pattern pattern, boolean glob) {
    this.spelling = spelling;
    this.pattern = pattern;
    this.glob = glob;
  }

  /** Parses a pattern; throws with a message naming the problem. */
  public static LabelPattern parse(String spelling) {
    if (spelling == null || spelling.isBlank()) {
      throw new IllegalArgumentException("the label pattern is empty");
    }
    if (spelling.contains("{label}")) {
      return new LabelPattern(spelling, Pattern.compile(globToRegex(spelling)), true);
    }
    try {
      Pattern p = Pattern.compile(spelling);
      if (p.matcher("").groupCount() < 1) {
        throw new IllegalArgumentException(
            "label pattern '" + spelling + "' has no {label} and no regex group to take the label from");
      }
      return new LabelPattern(spelling, p, false);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "label pattern '" + spelling + "' is neither a {label} glob nor a valid regex: "
              + e.getDescription());
    }
  }

  /** The label in {@code fileName} (no folders), or null when the name does not match. */
  public String labelOf(String fileName) {
    if (glob) {
      Matcher m = pattern.matcher(fileName);
      if (!m.matches()) {
        int dot = fileName.lastIndexOf('.');
        m = dot > 0 ? pattern.matcher(fileName.substring(0, dot)) : m;
        if (dot <= 0 || !m.matches()) {
          return null;
        }
      }
      return m.group("label");
    }
    Matcher m = pattern.matcher(fileName);
    if (!m.find()) {
      return null;
    }
    try {
      return m.group("label");
    } catch (IllegalArgumentException noNamedGroup) {
      return m.group(1);
    }
  }

  private static String globToRegex(String glob) {
    StringBuilder re = new StringBuilder();
    String[] parts = glob.split("\\{label\\}", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("label pattern '" + glob + "' must contain {label} exactly once");
    }
    re.append(globPart(parts[0])).append("(?<label>.+)").append(globPart(parts[1]));
    return re.toString();
  }

  private static String globPart(String s) {
    StringBuilder re = new StringBuilder();
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(ch)));
      }
    }
    return re.toString();
  }

  @Override
  public String toString() {
    return spelling;
  }
}
