package io.maskocr.engine.model;

import ai.djl.engine.Engine;

/**
 * PyTorch records autograd history per thread and new threads start with recording on; DJL
 * only switches it off on the thread that loaded the engine. Every engine thread (trainer,
 * inference) calls {@link #disableOnThisThread()} first, so optimizer updates and inference
 * build no graphs; a GradientCollector switches it on for its own scope.
 */
public final class GradMode {
  private GradMode() {}

  /** Turns autograd recording off on the calling thread (no-op on other engines). */
  public static void disableOnThisThread() {
    if ("PyTorch".equals(Engine.getInstance().getEngineName())) {
      ai.djl.pytorch.jni.JniUtils.setGradMode(false);
    }
  }
}
