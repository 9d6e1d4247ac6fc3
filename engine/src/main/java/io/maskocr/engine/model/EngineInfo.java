package io.maskocr.engine.model;

import ai.djl.engine.Engine;

/**
 * Facts about the deep-learning runtime in use, for {@code maskocr info} and run provenance.
 *
 * @param engine engine name (PyTorch)
 * @param engineVersion native library version
 * @param djlVersion DJL version
 * @param gpus GPUs the engine sees
 * @param threads intra-op threads the engine uses
 */
public record EngineInfo(String engine, String engineVersion, String djlVersion, int gpus, int threads) {

  /** Reads the facts from the running engine (loads it if needed, about 3 s the first time). */
  public static EngineInfo current() {
    EngineThreads.configure();
    Engine e = Engine.getInstance();
    int threads = Runtime.getRuntime().availableProcessors();
    if ("PyTorch".equals(e.getEngineName())) {
      threads = ai.djl.pytorch.jni.JniUtils.getNumThreads();
    }
    return new EngineInfo(e.getEngineName(), e.getVersion(), Engine.getDjlVersion(), e.getGpuCount(), threads);
  }
}
