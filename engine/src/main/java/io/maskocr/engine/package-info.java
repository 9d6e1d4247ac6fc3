/** Headless engine: model, training, data, workspace store, metrics. No JavaFX. */
package io.maskocr.engine;
