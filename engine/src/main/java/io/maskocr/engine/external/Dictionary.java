package io.maskocr.engine.external;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's dictionary (keys file): one symbol per line in class order, as PaddleOCR's
 * {@code ppocr_keys_v1.txt}. A file of one line longer than one symbol is a charset string (as
 * PARSeq configs give it) and is split into code points.
 */
public final class Dictionary {
  private Dictionary() {}

  /**
   * @throws IllegalArgumentException naming the file when it is empty, not UTF-8 or holds an
   *     empty line in the middle (which would shift every later class by one)
   */
  public static List<String> read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no such dictionary file: " + file);
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(file + ": the dictionary is not UTF-8 text");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    // the file's final newline ends the last line, it is not an empty symbol
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    lines.replaceAll(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException(file + ": the dictionary is empty");
    }
    if (lines.size() == 1 && lines.get(0).codePointCount(0, lines.get(0).length()) > 1) {
      return lines.get(0).codePoints().mapToObj(Character::toString).toList();
    }
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isEmpty()) {
        throw new IllegalArgumentException(file + ": line " + (i + 1) + " of the dictionary is empty"
            + " (each line is the symbol of one output class)");
      }
    }
    return List.copyOf(lines);
  }
}
