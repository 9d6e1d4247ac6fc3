/** Synthetic text images with exact character boxes and clean targets. Pure Java2D. */
package io.maskocr.renderer;
