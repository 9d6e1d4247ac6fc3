package io.maskocr.renderer.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The word lists in {@code samples/corpus/} (see its README for sources and licences).
 *
 * @param english English words
 * @param chinese Chinese words
 * @param platePatterns licence-plate patterns (see plate-patterns.txt)
 */
public record Corpora(List<String> english, List<String> chinese, List<String> platePatterns) {

  /** Copies the lists. */
  public Corpora {
    english = List.copyOf(english);
    chinese = List.copyOf(chinese);
    platePatterns = List.copyOf(platePatterns);
  }

  /** Loads the three files from {@code corpusDir}; an error names the file and line. */
  public static Corpora load(Path corpusDir) throws IOException {
    return new Corpora(
        lines(corpusDir.resolve("english-words.txt")),
        lines(corpusDir.resolve("chinese-words.txt")),
        lines(corpusDir.resolve("plate-patterns.txt")));
  }

  private static List<String> lines(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("corpus file " + file + " not found (expected in samples/corpus/)");
    }
    List<String> out = new ArrayList<>();
    int n = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      n++;
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (Character.isSurrogate(c) || Character.isISOControl(c)) {
          throw new IOException(file + " line " + n + ": control or non-BMP character U+"
              + Integer.toHexString(c) + " is not supported");
        }
      }
      out.add(s);
    }
    if (out.isEmpty()) {
      throw new IOException("corpus file " + file + " holds no entries");
    }
    return out;
  }
}
