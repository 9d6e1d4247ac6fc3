package io.maskocr.engine.run;

import java.nio.file.Path;

/** Child-process helper for {@link RunLauncherTest}: holds a workspace's training lock until stdin closes. */
public final class HoldTrainingLock {
  private HoldTrainingLock() {}

  public static void main(String[] args) throws Exception {
    try (TrainingLock lock = TrainingLock.tryAcquire(Path.of(args[0]), 99).orElseThrow()) {
      System.out.println("locked");
      System.out.flush();
      System.in.read(); // until the parent closes our stdin or dies
    }
  }
}
