/** Reusable JavaFX controls that depend only on engine value types, never on NDArray. */
package io.maskocr.viewers;
