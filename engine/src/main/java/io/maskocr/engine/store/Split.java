package io.maskocr.engine.store;

import java.util.Locale;

/** Which part of a dataset a sample belongs to. Stored as its lower-case name. */
public enum Split {
  TRAIN,
  VAL,
  TEST;

  /** The name stored in the database and used on the command line ({@code train}). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code train|val|test} (any case); throws naming the accepted values. */
  public static Split parse(String text) {
    for (Split s : values()) {
      if (s.code().equalsIgnoreCase(text.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown split '" + text + "': use train, val or test");
  }
}
