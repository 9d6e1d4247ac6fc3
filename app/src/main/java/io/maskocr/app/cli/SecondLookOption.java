package io.maskocr.app.cli;

import io.maskocr.engine.infer.SecondLook;
import picocli.CommandLine.Option;

/** {@code --no-second-look}: read each crop once (and turned), without re-reading doubtful ones deskewed. */
public final class SecondLookOption {
  @Option(names = "--no-second-look",
      description = "Read each crop once (tall ones also turned): no second, deskewed look at readings below "
          + SecondLook.DOUBT + " confidence per character. Up to 5x faster on real crops, a few points less"
          + " accurate"
          + " (default: $MASKOCR_SECOND_LOOK, else on).")
  boolean off;

  /** Publishes the choice; call before reading. */
  public void apply() {
    if (off) {
      System.setProperty(SecondLook.PROPERTY, "off");
    }
  }
}
