/**
 * Threading helpers of the viewers: how slow work (inference, rendering) runs off the FX
 * thread and hands its latest result back to it, so that a burst of requests never queues up.
 */
package io.maskocr.viewers.concurrent;
