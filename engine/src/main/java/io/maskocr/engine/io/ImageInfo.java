package io.maskocr.engine.io;

/**
 * What an image's header says.
 *
 * @param format file extension for the format ({@code png}, {@code jpg}, {@code bmp}, ...)
 * @param width pixels
 * @param height pixels
 */
public record ImageInfo(String format, int width, int height) {}
