package io.maskocr.test.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.maskocr.viewers.concurrent.LatestWins;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A burst of requests while one job runs: only the newest of the burst runs next, and only
 * its result reaches the FX thread (the slider case the helper is made for).
 */
@ExtendWith(ApplicationExtension.class)
class LatestWinsTest {
  @Start
  void start(Stage stage) {
    // the FX thread is all this needs
  }

  @Test
  void whileAJobRunsLaterRequestsReplaceEachOtherAndOnlyTheNewestResultArrives() throws Exception {
    List<Integer> ran = new CopyOnWriteArrayList<>();
    List<Integer> delivered = new CopyOnWriteArrayList<>();
    List<Boolean> onFxThread = new CopyOnWriteArrayList<>();
    CountDownLatch firstStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (LatestWins worker = new LatestWins("test-latest-wins")) {
      worker.submit(() -> {
        ran.add(0);
        firstStarted.countDown();
        release.await(10, TimeUnit.SECONDS);
        return 0;
      }, v -> delivered.add(v), e -> delivered.add(-1));
      assertTrue(firstStarted.await(10, TimeUnit.SECONDS));
      for (int i = 1; i <= 5; i++) {
        int value = i;
        worker.submit(() -> {
          ran.add(value);
          return value;
        }, v -> {
          onFxThread.add(Platform.isFxApplicationThread());
          delivered.add(v);
        }, e -> delivered.add(-1));
      }
      release.countDown();
      WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> delivered.contains(5));
      WaitForAsyncUtils.waitForFxEvents();
      assertEquals(List.of(0, 5), ran, "the first job, then only the newest of the burst");
      assertEquals(List.of(5), delivered, "the first job's result was no longer the newest");
      assertEquals(List.of(true), onFxThread);
    }
  }
}
