package io.maskocr.engine.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a list file, each decoded as strict UTF-8 on its own so one bad line is
 * reported with its number instead of spoiling the file. A BOM and CR line ends are dropped.
 */
final class Utf8Lines {
  /**
   * One line.
   *
   * @param number 1-based line number
   * @param text the decoded text, or null when the bytes are not valid UTF-8
   */
  record Line(int number, String text) {}

  private Utf8Lines() {}

  static List<Line> read(Path file) throws IOException {
    byte[] all = Files.readAllBytes(file);
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    List<Line> lines = new ArrayList<>();
    int start = 0;
    if (all.length >= 3 && (all[0] & 0xff) == 0xEF && (all[1] & 0xff) == 0xBB && (all[2] & 0xff) == 0xBF) {
      start = 3;
    }
    int number = 0;
    while (start < all.length) {
      int end = start;
      while (end < all.length && all[end] != '\n') {
        end++;
      }
      int stop = end > start && all[end - 1] == '\r' ? end - 1 : end;
      number++;
      String text;
      try {
        text = decoder.decode(ByteBuffer.wrap(all, start, stop - start)).toString();
      } catch (CharacterCodingException e) {
        text = null;
      }
      lines.add(new Line(number, text));
      start = end + 1;
    }
    return lines;
  }
}
